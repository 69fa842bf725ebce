package cn.doublerandom.item;

import cn.doublerandom.registry.target.ObjectKind;

import java.util.List;

/**
 * An item of the random-inspection item list (随机抽查事项清单) of a region. Where the source list
 * is incomplete (item 1 of the Shijiazhuang list has no name), the text says 〔缺失〕 and the level
 * or category is null: never an invented value. {@code objectKinds} are the 检查对象 it inspects: it
 * applies to a target that carries one of them. {@code readingNote} says where the service reads a
 * cell the source leaves empty (our reading, not the source's words), shown with the item.
 */
public record ItemData(
        long id,
        String regionCode,
        String seqNo,
        String name,
        String subItem,
        ItemCategory category,
        String targetType,
        InspectingLevel inspectingLevel,
        String legalBasis,
        String content,
        List<InspectionMethod> methods,
        boolean jointInspection,
        String requiredSpecialty,
        String responsibleDivision,
        List<String> cooperatingDivisions,
        boolean active,
        List<ObjectKind> objectKinds,
        String readingNote) {

    public ItemData {
        methods = methods == null ? List.of() : List.copyOf(methods);
        cooperatingDivisions = cooperatingDivisions == null ? List.of() : List.copyOf(cooperatingDivisions);
        objectKinds = objectKinds == null ? List.of() : objectKinds.stream().distinct().sorted().toList();
    }
}
