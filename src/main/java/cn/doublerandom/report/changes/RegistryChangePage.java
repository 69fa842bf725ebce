package cn.doublerandom.report.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The contract's name for {@code Page<RegistryChangeView.Row>}: one page of a registry-change list. */
@Schema(name = "PageRegistryChangeRow")
public record RegistryChangePage(List<RegistryChangeView.Row> items,
                                 @Schema(description = "Pass as 'after' for the following page; null on the last page", nullable = true) String next,
                                 @Schema(description = "How many records the whole list holds") Integer total) {
}
