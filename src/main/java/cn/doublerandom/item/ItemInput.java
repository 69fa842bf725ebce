package cn.doublerandom.item;

import cn.doublerandom.registry.target.ObjectKind;

import java.util.List;

/** An item as an administrator sends it: unchecked. */
public record ItemInput(String regionCode, String seqNo, String name, String subItem, ItemCategory category,
                        String targetType, InspectingLevel inspectingLevel, String legalBasis, String content,
                        List<InspectionMethod> methods, Boolean jointInspection, String requiredSpecialty,
                        String responsibleDivision, List<String> cooperatingDivisions, Boolean active,
                        String changeReason, List<ObjectKind> objectKinds,
                        String readingNote) {
}
