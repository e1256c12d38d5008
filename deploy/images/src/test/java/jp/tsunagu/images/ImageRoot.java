package jp.tsunagu.images;

import jp.tsunagu.images.OciArchive.LayerFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An image's files laid out as a container runtime lays them (layers in order, owners and modes
 * kept), and a command run inside them as a container would run it: in a chroot of those files,
 * as the image's user, with its own /proc and the host's /dev, so that nothing of the host's
 * file system (its C library, its JDK) is reachable. Needs root, as a container runtime does.
 */
final class ImageRoot {

    record Run(int exit, String output) {
    }

    private ImageRoot() {
    }

    static void extract(OciArchive image, Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> old = Files.walk(root)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(root);
        for (LayerFile file : image.files) {
            Path target = root.resolve(file.path().substring(1));
            if (file.path().equals("/")) {
                continue;
            }
            Files.createDirectories(target.getParent());
            if (file.directory()) {
                Files.createDirectories(target);
            } else if (file.symlink()) {
                throw new IllegalStateException(file.path() + ": the images hold no links");
            } else {
                Files.deleteIfExists(target);
                Files.write(target, file.content());
            }
            Files.setPosixFilePermissions(target, permissions(file.mode()));
            Files.setAttribute(target, "unix:uid", (int) file.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(target, "unix:gid", (int) file.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
    }

    static Run run(Path root, String user, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("unshare", "--fork", "--pid", "--mount",
                "--mount-proc=" + root.resolve("proc"), "bash", "-c",
                "mount --rbind /dev \"$1/dev\" && exec chroot --userspec=\"$2\" \"$1\" \"${@:3}\"", "bash",
                root.toString(), user));
        argv.addAll(List.of(command));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after 60 s: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), output);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
