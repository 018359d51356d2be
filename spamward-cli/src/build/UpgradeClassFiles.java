import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step (run by JDK 25 after the shade plugin): rewrites the classes under a package prefix of a
 * jar from an old class-file version (picocli ships version 49, Java 5) to version 52 with generated
 * stack maps. The JDK AOT cache skips classes older than version 50, so without this picocli's ~170
 * classes are parsed, verified with the old verifier and interpreted at every start of the CLI.
 * Classes that cannot be upgraded (none are known) are kept as they are.
 *
 * <p>Usage: {@code java UpgradeClassFiles.java JAR PREFIX...}
 */
public final class UpgradeClassFiles {
    private static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        int kept = 0;
        // A new constant pool forces every method body to be re-emitted, so its stack maps are generated.
        // Stack maps need common supertypes: resolve the jar's own classes by parsing them from the jar.
        URLClassLoader jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        ClassHierarchyResolver resolver = ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofResourceParsing(jarLoader)).cached();
        ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                ClassFile.ConstantPoolSharingOption.NEW_POOL, ClassFile.ClassHierarchyResolverOption.of(resolver));
        // The version element comes first, so every method after it is built for the new version.
        ClassTransform upgrade = (cb, element) -> {
            if (element instanceof ClassFileVersion) {
                cb.withVersion(TARGET_MAJOR, 0);
            } else {
                cb.with(element);
            }
        };
        ClassTransform transform = upgrade.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream fos = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(fos)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                byte[] data;
                try (InputStream is = in.getInputStream(entry)) {
                    data = is.readAllBytes();
                }
                if (!entry.isDirectory() && entry.getName().endsWith(".class") && matches(entry.getName(), args)) {
                    try {
                        ClassModel cm = cf.parse(data);
                        if (cm.majorVersion() < 50) {
                            data = cf.transformClass(cm, transform);
                            cf.verify(data).stream().findFirst().ifPresent(err -> {
                                throw new IllegalStateException("does not verify: " + err.getMessage());
                            });
                            upgraded++;
                        }
                    } catch (RuntimeException ex) {
                        kept++;
                        System.err.println("UpgradeClassFiles: kept " + entry.getName() + ": " + ex.getMessage());
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeClassFiles: " + upgraded + " classes upgraded to version " + TARGET_MAJOR
                + (kept > 0 ? ", " + kept + " kept" : "") + " in " + jar.getFileName());
    }

    private static boolean matches(String name, String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (name.startsWith(args[i])) return true;
        }
        return false;
    }
}
