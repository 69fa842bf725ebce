package cn.doublerandom.registry.target;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A lead as a bureau records it: its source code, the day it was received, and its reference and summary. */
public record TargetLeadInput(@Schema(implementation = CheckSource.class) String source, LocalDate openedOn, String reference,
                              String summary) {
}
