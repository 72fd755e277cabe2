package io.camlistore.client.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.FileMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What pk-put would record from lstat, read through the JDK's unix attributes. */
class LocalMetadataTest {
  @TempDir Path dir;

  @Test
  void readsTimesWithNanosecondsOwnerGroupAndPermissionBits() throws IOException {
    Path file = dir.resolve("f");
    Files.writeString(file, "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x--x"));
    Instant mtime = Instant.parse("2020-11-01T12:00:00.123456789Z");
    Files.setLastModifiedTime(file, FileTime.from(mtime));

    FileMetadata metadata = LocalMetadata.read(file, false);

    assertThat(metadata.modificationTime()).isEqualTo(mtime);
    assertThat(metadata.changeTime())
        .isEqualTo(((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant());
    assertThat(metadata.permissions()).isEqualTo(0751);
    assertThat(metadata.ownerId())
        .isEqualTo(((Integer) Files.getAttribute(file, "unix:uid")).longValue());
    assertThat(metadata.groupId())
        .isEqualTo(((Integer) Files.getAttribute(file, "unix:gid")).longValue());
    assertThat(metadata.ownerName()).isEqualTo(Files.getOwner(file).getName());
  }

  @Test
  void describesALinkItselfUnlessAskedToFollowIt() throws IOException {
    Path target = dir.resolve("target");
    Files.writeString(target, "x");
    Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);

    assertThat(LocalMetadata.read(link, true).modificationTime())
        .isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
    assertThat(LocalMetadata.read(link, false).modificationTime())
        .isEqualTo(Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toInstant());
  }

  @Test
  void permissionBitsConvertBothWaysForEveryValue() {
    for (int bits = 0; bits <= 0777; bits++) {
      assertThat(LocalMetadata.bits(LocalMetadata.permissions(bits))).isEqualTo(bits);
    }
    assertThat(PosixFilePermissions.toString(LocalMetadata.permissions(0640)))
        .isEqualTo("rw-r-----");
  }
}
