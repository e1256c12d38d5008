#!/usr/bin/env bash
# The operating system layer of Tsunagu's images, assembled the way distroless assembles its: the C
# library and bash (the compose health check's /dev/tcp probe) from Debian's packages, which apt
# checks against the archive's signed index, and the two users. No package manager, compiler,
# network tool or coreutils: nothing a service does not run. The Java runtime is jlink's, from
# the build's own JDK (ServiceImages).
#   deploy/images/debian-runtime.sh <dir>   writes the root file system to <dir>/rootfs and
#                                            the packages it holds, with versions, to <dir>/packages.txt
set -euo pipefail
out="$1"
packages=(libc6 libgcc-s1 libtinfo6 bash)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download "${packages[@]}" >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  apt-get download "${packages[@]}" >/dev/null 2>&1
fi
rm -rf "$out"
mkdir -p "$out/rootfs"
for deb in *.deb; do
  dpkg-deb -x "$deb" "$out/rootfs"
  dpkg-deb -f "$deb" Package Version | paste -sd= | sed 's/Package: //; s/=Version: /=/' >> "$out/packages.txt"
done
root="$out/rootfs"
# what a running service never needs: documentation, locales, character set converters, skeletons,
# the restricted shell, bash's bug reporter
rm -rf "$root/usr/share" "$root/usr/lib/x86_64-linux-gnu/gconv" "$root/etc/skel" "$root/usr/bin" "$root/bin/rbash"
# the loader's link is absolute: replaced by the file itself, so that it cannot resolve outside the image
cp --remove-destination "$root/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" "$root/lib64/ld-linux-x86-64.so.2"
mkdir -p "$root/etc" "$root/tmp" "$root/deployments"
cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
tsunagu:x:185:185:Tsunagu service:/deployments:/usr/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
tsunagu:x:185:
GROUP
echo 'hosts: files dns' > "$root/etc/nsswitch.conf"
