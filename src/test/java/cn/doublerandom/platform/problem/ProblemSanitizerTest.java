package cn.doublerandom.platform.problem;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemSanitizerTest {

    @Test
    void classNamesGoTheMessageAndFileNamesStay() {
        assertEquals("名录.xlsx is a ZIP file but not a readable .xlsx workbook (Unexpected end of file)",
                ProblemMapper.withoutClassNames("名录.xlsx is a ZIP file but not a readable .xlsx workbook "
                        + "(org.dhatim.fastexcel.reader.ExcelReaderException: Unexpected end of file)"));
        assertEquals("Unexpected character", ProblemMapper.withoutClassNames("com.fasterxml.jackson.core.JsonParseException: Unexpected character"));
        assertEquals("bad zip", ProblemMapper.withoutClassNames("bad java.util.zip.ZipException: zip"));
        assertEquals("x", ProblemMapper.withoutClassNames("x (jakarta.ws.rs.NotFoundException$Inner)"));
        assertEquals("sun.csv is empty", ProblemMapper.withoutClassNames("sun.csv is empty"));
        assertEquals("java.csv has 3 rows", ProblemMapper.withoutClassNames("java.csv has 3 rows"));
        assertEquals("the request could not be processed", ProblemMapper.withoutClassNames("java.lang.NullPointerException"));
    }

    @Test
    void fieldMessagesAreSanitisedToo() {
        Problem p = new Problem("/problems/x", "t", 400, "java.io.IOException: broken", null,
                List.of(Problem.FieldProblem.field("f", "java.lang.String", "com.fasterxml.jackson.X: wrong")), null);
        Problem s = ProblemMapper.sanitize(p);
        assertEquals("broken", s.detail());
        assertEquals("wrong", s.errors().get(0).message());
        // the caller's own value is echoed as sent
        assertEquals("java.lang.String", s.errors().get(0).value());
    }
}
