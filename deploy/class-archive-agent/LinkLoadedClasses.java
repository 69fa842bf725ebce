import java.io.ByteArrayOutputStream;
import java.lang.instrument.Instrumentation;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A Java agent for the class-data archive's training start only (deploy/class-archive.sh), never for
 * the service itself. JDK 17's dynamic archive keeps only classes that are linked when the JVM dumps,
 * and at dump time it links only the classes of the JDK's own loaders: a class that Quarkus' loader
 * loaded but nothing has linked yet (annotation types, interfaces seen only by reflection, much of
 * Hibernate's boot model) is left out and read from its jar at every start.
 * <p>
 * {@code java -cp <this jar> LinkLoadedClasses <pid>} loads this jar as an agent into the running
 * training JVM, which then links every class it has loaded so far without initialising any. It is
 * loaded late rather than named with -javaagent because a JVM started with an agent writes an archive
 * that only a JVM started with -XX:+AllowArchivingWithJavaAgent may use. It speaks HotSpot's attach
 * protocol itself (the script has already woken the target's attach listener), so that a JRE without
 * the jdk.attach module can run it.
 */
public final class LinkLoadedClasses {
    private LinkLoadedClasses() {
    }

    /** Asks the JVM of the given process id to load this jar as an agent; prints the agent's report. */
    public static void main(String[] args) throws Exception {
        String jar = Path.of(LinkLoadedClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path report = Files.createTempFile("class-archive-link", ".txt");
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of("/tmp/.java_pid" + args[0]))) {
            // protocol 1: the command and three arguments, each ending in NUL
            String request = "1\0load\0instrument\0false\0" + jar + "=" + report + "\0";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (channel.read(buffer) >= 0) {
                reply.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String text = reply.toString(StandardCharsets.UTF_8);
            // "0" (the command ran), then "return code: 0" when agentmain returned normally
            if (!text.matches("(?s)0\\s+(return code: )?0\\s*")) {
                throw new IllegalStateException("the JVM did not load the agent: " + text.strip());
            }
            System.out.print(Files.readString(report));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    public static void agentmain(String report, Instrumentation instrumentation) throws Exception {
        Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int linked = 0;
        int failed = 0;
        // linking one class may load others (the types its members name), so go round until none is new
        for (int round = 0; round < 10; round++) {
            int fresh = 0;
            for (Class<?> c : instrumentation.getAllLoadedClasses()) {
                if (c.isArray() || c.isPrimitive() || c.isHidden() || !seen.add(c)) {
                    continue;
                }
                fresh++;
                try {
                    // HotSpot links a class before it lists its declared members; nothing is initialised
                    c.getDeclaredConstructors();
                    c.getDeclaredMethods();
                    c.getDeclaredFields();
                    linked++;
                } catch (Throwable e) {
                    // a class whose members name a missing class stays out of the archive, as before
                    failed++;
                }
            }
            if (fresh == 0) {
                break;
            }
        }
        Files.writeString(Path.of(report), linked + " classes linked, " + failed + " could not be\n");
    }
}
