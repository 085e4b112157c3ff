#!/usr/bin/env bash
# The default base image of the service images, made offline from the build machine: a JRE cut by jlink
# from the build's JDK, the shared libraries it loads (glibc, libstdc++, zlib, freetype...), the JDK's CA
# certificates, the C.UTF-8 locale, /etc/passwd and /etc/group with the user "app" (uid and gid 10001)
# and a /tmp. Written as a `docker save` tarball, which Jib takes as a base image with tar://<path>.
#
#   deploy/images/base-image.sh <output.tar> [<base>]
#
# With <base> other than tar://<output.tar> (the build was given another base image) there is nothing to make.
# Runs on Linux (x86_64 or aarch64) with GNU tar; needs jlink (JAVA_HOME or the java on the PATH).
# Does nothing when <output.tar> was made by the same script from the same JDK and glibc (it is shared by
# the five services of one build). Reproducible: fixed order, owners and times in the layer.
set -euo pipefail

out=$(realpath -m "$1")
if [[ $# -gt 1 && "$2" != "tar://$1" && "$2" != "tar://$out" ]]; then
  echo "base image: $2, nothing to make"
  exit 0
fi
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jre_dir=/opt/java/openjdk
app_uid=10001
# What the services use, from jdeps over their libraries (--print-module-deps) and what they load by name:
# Quarkus, Vert.x and Netty (jdk.unsupported, jdk.net), Narayana's transaction exceptions (java.rmi), the
# Kafka client (SASL, GSSAPI, JAAS login modules), the PostgreSQL driver (java.sql, java.naming), Micrometer
# (jdk.management), PDFBox (java.desktop: geometry, colour, fonts), and the providers found by service
# lookup: TLS with elliptic curves (jdk.crypto.ec), DNS (jdk.naming.dns), zip file systems (jdk.zipfs), the
# Chinese locale data and charsets (jdk.localedata, jdk.charsets). images/ServiceImagesIT checks the list.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.rmi,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
locales=en,zh

key=$( { cat "$0"; "$java_home/bin/java" -version 2>&1; ldd --version 2>&1 | head -1; uname -m; } | sha256sum | cut -c1-64)
mkdir -p "$(dirname "$out")"
exec 9>"$out.lock"
flock 9
if [[ -f "$out" && "$(cat "$out.key" 2>/dev/null)" == "$key" ]]; then
  echo "base image $out is up to date"
  exit 0
fi

work=$(mktemp -d "${out%.tar}.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$root/home/app" "$root/lib64"

"$java_home/bin/jlink" --add-modules "$modules" --include-locales="$locales" --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$root$jre_dir"
jre=$root$jre_dir
# Headless: the X11, sound, accessibility and splash-screen libraries would pull in X11 and nothing loads them.
rm -f "$jre"/lib/{libawt_xawt.so,libjawt.so,libsplashscreen.so,libjsound.so,libatk-wrapper.so}
# Debian's JDK links its CA store (and policy files) into /etc: the image gets real files.
for f in "$jre"/lib/security/*; do
  if [[ -L "$f" ]]; then cp --remove-destination -L "$f" "$f"; fi
done
if [[ ! -s "$jre/lib/security/cacerts" ]]; then
  cp -L "$java_home/lib/security/cacerts" "$jre/lib/security/cacerts"
fi

# The shared libraries the JRE's programs and libraries need, outside the JRE, each under its own name.
case $(uname -m) in
  x86_64) triplet=x86_64-linux-gnu; loader=/lib64/ld-linux-x86-64.so.2 ;;
  aarch64) triplet=aarch64-linux-gnu; loader=/lib/ld-linux-aarch64.so.1 ;;
  *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
libdir=$root/lib/$triplet
mkdir -p "$libdir" "$root$(dirname "$loader")"
cp -L "$loader" "$root$loader"
find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u \
  | while read -r lib; do
      case $lib in "$jre"/*) continue ;; esac
      cp -L "$lib" "$libdir/$(basename "$lib")"
    done
# The JVM's default encoding follows LANG: C.UTF-8 (glibc's locale files), not ASCII.
if [[ -d /usr/lib/locale/C.utf8 ]]; then
  mkdir -p "$root/usr/lib/locale" && cp -r /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
fi

cat > "$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
app:x:$app_uid:$app_uid:complaint suite:/home/app:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<GROUP
root:x:0:
app:x:$app_uid:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
chmod -R u=rwX,go=rX "$root"
chmod 1777 "$root/tmp"

layer=$work/layer.tar
tar_opts=(--sort=name --mtime=@0 --numeric-owner --format=gnu -C "$root")
tar -cf "$layer" "${tar_opts[@]}" --owner=0 --group=0 --exclude=./home/app .
tar -rf "$layer" "${tar_opts[@]}" --owner=$app_uid --group=$app_uid ./home/app
diff_id=$(sha256sum "$layer" | cut -c1-64)

case $(uname -m) in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; esac
cat > "$work/config.json" <<CONFIG
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$app_uid:$app_uid",
  "Env":["PATH=$jre_dir/bin:/usr/bin:/bin","JAVA_HOME=$jre_dir","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh: jlink $modules"}]}
CONFIG
echo '[{"Config":"config.json","RepoTags":["complaint-suite/jre-base:latest"],"Layers":["layer.tar"]}]' \
  > "$work/manifest.json"
tar -cf "$out.tmp" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -C "$work" \
  manifest.json config.json layer.tar
mv "$out.tmp" "$out"
echo "$key" > "$out.key"
echo "base image $out: $(du -h "$out" | cut -f1), JRE modules $modules"
