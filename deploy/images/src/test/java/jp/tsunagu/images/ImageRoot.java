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
 * as the image's user, with its own /proc and, as a runtime gives them, the host's /dev, hosts
 * file and resolver, so that nothing else of the host's file system (its C library, its JDK) is
 * reachable. Needs root, as a container runtime does.
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
        // what a container runtime provides: /proc, /dev, and the host's names and resolver
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        for (String file : List.of("etc/hosts", "etc/resolv.conf")) {
            if (!Files.exists(root.resolve(file))) {
                Files.createFile(root.resolve(file));
            }
        }
    }

    /** Runs a command inside the image's files to its end (at most a minute). */
    static Run run(Path root, String user, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(root, user, List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after 60 s: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), output);
    }

    /**
     * The host's command that runs {@code command} inside the image's files as {@code user}: in
     * a PID namespace of its own (the command is its init, as in a container, and goes with it) and
     * a mount namespace of its own (its /proc, the host's /dev, hosts and resolv.conf bound in; the
     * host sees none of it).
     */
    static List<String> command(Path root, String user, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("unshare", "--fork", "--pid", "--mount", "--kill-child=SIGTERM",
                "--mount-proc=" + root.resolve("proc"), "bash", "-c",
                // the host's tools found on the host's PATH; the command gets the PATH it was given
                "image_path=\"$PATH\"; PATH=/usr/sbin:/usr/bin:/sbin:/bin; mount --rbind /dev \"$1/dev\""
                        + " && mount --bind /etc/hosts \"$1/etc/hosts\" && mount --bind /etc/resolv.conf \"$1/etc/resolv.conf\""
                        + " && exec env PATH=\"$image_path\" \"$(command -v chroot)\" --userspec=\"$2\" \"$1\" \"${@:3}\"", "bash",
                root.toString(), user));
        argv.addAll(command);
        return argv;
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
