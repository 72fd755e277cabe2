package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileMetadataTest {
  private static final Instant MTIME = Instant.parse("2020-11-01T12:00:00Z");
  private static final Instant CTIME = Instant.parse("2026-11-25T09:29:46.551179453Z");

  private static FileMetadata full() {
    return FileMetadata.builder()
        .modificationTime(MTIME)
        .changeTime(CTIME)
        .ownerId(1000)
        .ownerName("alice")
        .groupId(100)
        .groupName("users")
        .permissions(0640)
        .build();
  }

  @Test
  void emptyMetadataHasNoAttributes() {
    FileMetadata empty = FileMetadata.empty();

    assertThat(empty.modificationTime()).isNull();
    assertThat(empty.changeTime()).isNull();
    assertThat(empty.ownerId()).isNull();
    assertThat(empty.ownerName()).isNull();
    assertThat(empty.groupId()).isNull();
    assertThat(empty.groupName()).isNull();
    assertThat(empty.permissions()).isNull();
    assertThat(empty).isEqualTo(FileMetadata.builder().build()).hasToString("FileMetadata{}");
  }

  @Test
  void builderSetsEveryAttribute() {
    FileMetadata metadata = full();

    assertThat(metadata.modificationTime()).isEqualTo(MTIME);
    assertThat(metadata.changeTime()).isEqualTo(CTIME);
    assertThat(metadata.ownerId()).isEqualTo(1000L);
    assertThat(metadata.ownerName()).isEqualTo("alice");
    assertThat(metadata.groupId()).isEqualTo(100L);
    assertThat(metadata.groupName()).isEqualTo("users");
    assertThat(metadata.permissions()).isEqualTo(0640);
  }

  @Test
  void toBuilderCopiesAndLeavesTheOriginalUnchanged() {
    FileMetadata original = full();

    FileMetadata changed = original.toBuilder().permissions(0600).ownerName(null).build();

    assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(changed).isNotEqualTo(original);
    assertThat(changed.permissions()).isEqualTo(0600);
    assertThat(changed.ownerName()).isNull();
    assertThat(original.permissions()).isEqualTo(0640);
  }

  @Test
  void toStringShowsSetAttributesWithOctalPermissions() {
    assertThat(full())
        .hasToString(
            "FileMetadata{modificationTime=2020-11-01T12:00:00Z,"
                + " changeTime=2026-11-25T09:29:46.551179453Z, owner=1000(alice),"
                + " group=100(users), permissions=0640}");
    assertThat(FileMetadata.builder().ownerName("bob").groupId(7).build())
        .hasToString("FileMetadata{owner=bob, group=7}");
  }

  @Test
  void permissionsOutsideTheNineModeBitsAreRejected() {
    assertThatThrownBy(() -> FileMetadata.builder().permissions(04755))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permissions")
        .hasMessageContaining("04755");
    assertThatThrownBy(() -> FileMetadata.builder().permissions(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idsMustBeUnsigned32BitValues() {
    assertThat(FileMetadata.builder().groupId(4294967295L).build().groupId())
        .isEqualTo(4294967295L);
    assertThatThrownBy(() -> FileMetadata.builder().ownerId(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ownerId")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> FileMetadata.builder().groupId(4294967296L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groupId");
  }

  @Test
  void namesMustNotBeEmpty() {
    assertThatThrownBy(() -> FileMetadata.builder().ownerName(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ownerName");
    assertThatThrownBy(() -> FileMetadata.builder().groupName(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groupName");
  }
}
