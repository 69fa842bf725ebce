import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the packaged application's jars with every entry stored rather than deflated, after
 * {@code quarkus:build} (pom.xml, package phase). Quarkus' class loader reads each class's bytes from its
 * jar even when the class-data archive holds the class (HotSpot matches the bytes against the archived
 * copy), so at every start it inflated some 13,000 classes on the main thread; stored entries are read as
 * they are. Entry names, order, contents and times are kept, so signatures and Quarkus' index still hold;
 * the jars take more disk.
 * <p>
 * {@code java deploy/stored-jars/StoreJars.java DIR...} rewrites every *.jar below each DIR; a jar already
 * stored is left untouched, so running it twice changes nothing.
 */
public final class StoreJars {
    private StoreJars() {
    }

    public static void main(String[] args) throws IOException {
        long before = 0;
        long after = 0;
        int rewritten = 0;
        for (String dir : args) {
            List<Path> jars;
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                long size = Files.size(jar);
                if (store(jar)) {
                    rewritten++;
                    before += size;
                    after += Files.size(jar);
                }
            }
        }
        System.out.printf("stored jars: %d rewritten, %d MB -> %d MB%n", rewritten, before >> 20, after >> 20);
    }

    /** Rewrites one jar with its entries stored; false when every entry already was. */
    static boolean store(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            if (in.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED)) {
                return false;
            }
            Set<String> written = new HashSet<>();
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (!written.add(name)) {
                        // a name written twice in one jar: a reader finds one of them by name, so that one is kept
                        continue;
                    }
                    ZipEntry found = in.getEntry(name);
                    byte[] data;
                    try (InputStream content = in.getInputStream(found)) {
                        data = content.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ZipEntry stored = new ZipEntry(name);
                    stored.setMethod(ZipEntry.STORED);
                    stored.setSize(data.length);
                    stored.setCompressedSize(data.length);
                    stored.setCrc(crc.getValue());
                    stored.setTime(found.getTime());
                    stored.setComment(found.getComment());
                    out.putNextEntry(stored);
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
