package io.camlistore.client;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The file-system attributes stored with a file or directory in its schema blob: modification and
 * change times, owner and group (numeric ids and names), and permission bits. Every attribute is
 * optional; an absent one is simply left out of the schema blob.
 *
 * <p>Perkeep's own {@code pk-put} records what {@code lstat} reports. Giving the same values here
 * produces a schema blob byte-identical to pk-put's, hence the same blobref, which lets uploads
 * deduplicate with files stored by Perkeep's tools:
 *
 * <pre>{@code
 * FileMetadata metadata = FileMetadata.builder()
 *     .modificationTime(Instant.parse("2020-11-01T12:00:00Z"))
 *     .ownerId(0).ownerName("root")
 *     .groupId(0).groupName("root")
 *     .permissions(0644)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FileMetadata {
  private static final FileMetadata EMPTY = new Builder().build();
  private static final long MAX_ID = 0xFFFF_FFFFL;

  private final @Nullable Instant modificationTime;
  private final @Nullable Instant changeTime;
  private final @Nullable Long ownerId;
  private final @Nullable String ownerName;
  private final @Nullable Long groupId;
  private final @Nullable String groupName;
  private final @Nullable Integer permissions;

  private FileMetadata(Builder builder) {
    this.modificationTime = builder.modificationTime;
    this.changeTime = builder.changeTime;
    this.ownerId = builder.ownerId;
    this.ownerName = builder.ownerName;
    this.groupId = builder.groupId;
    this.groupName = builder.groupName;
    this.permissions = builder.permissions;
  }

  /** {@return metadata with no attributes: the schema blob then holds only name and content} */
  public static FileMetadata empty() {
    return EMPTY;
  }

  /** {@return a builder with no attributes set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this metadata's attributes} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.modificationTime = modificationTime;
    builder.changeTime = changeTime;
    builder.ownerId = ownerId;
    builder.ownerName = ownerName;
    builder.groupId = groupId;
    builder.groupName = groupName;
    builder.permissions = permissions;
    return builder;
  }

  /** {@return the last modification time ({@code unixMtime}), or null when not recorded} */
  public @Nullable Instant modificationTime() {
    return modificationTime;
  }

  /**
   * {@return the inode change time ({@code unixCtime}); written only when it differs from the
   * modification time; null when not recorded}
   */
  public @Nullable Instant changeTime() {
    return changeTime;
  }

  /** {@return the numeric owner id ({@code unixOwnerId}), or null when not recorded} */
  public @Nullable Long ownerId() {
    return ownerId;
  }

  /** {@return the owner's user name ({@code unixOwner}), or null when not recorded} */
  public @Nullable String ownerName() {
    return ownerName;
  }

  /** {@return the numeric group id ({@code unixGroupId}), or null when not recorded} */
  public @Nullable Long groupId() {
    return groupId;
  }

  /** {@return the group's name ({@code unixGroup}), or null when not recorded} */
  public @Nullable String groupName() {
    return groupName;
  }

  /**
   * {@return the permission bits, 0 to 0777 ({@code unixPermission}, written in octal), or null
   * when not recorded}
   */
  public @Nullable Integer permissions() {
    return permissions;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FileMetadata that
        && Objects.equals(modificationTime, that.modificationTime)
        && Objects.equals(changeTime, that.changeTime)
        && Objects.equals(ownerId, that.ownerId)
        && Objects.equals(ownerName, that.ownerName)
        && Objects.equals(groupId, that.groupId)
        && Objects.equals(groupName, that.groupName)
        && Objects.equals(permissions, that.permissions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        modificationTime, changeTime, ownerId, ownerName, groupId, groupName, permissions);
  }

  /** The attributes that are set, permissions in octal. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("FileMetadata{");
    String separator = "";
    if (modificationTime != null) {
      text.append("modificationTime=").append(modificationTime);
      separator = ", ";
    }
    if (changeTime != null) {
      text.append(separator).append("changeTime=").append(changeTime);
      separator = ", ";
    }
    if (ownerId != null || ownerName != null) {
      text.append(separator).append("owner=").append(idAndName(ownerId, ownerName));
      separator = ", ";
    }
    if (groupId != null || groupName != null) {
      text.append(separator).append("group=").append(idAndName(groupId, groupName));
      separator = ", ";
    }
    if (permissions != null) {
      text.append(separator).append("permissions=0").append(Integer.toOctalString(permissions));
    }
    return text.append('}').toString();
  }

  private static String idAndName(@Nullable Long id, @Nullable String name) {
    if (id == null) {
      return String.valueOf(name);
    }
    return name == null ? id.toString() : id + "(" + name + ")";
  }

  /** Builds {@link FileMetadata}. Not thread-safe; every attribute starts unset. */
  public static final class Builder {
    private @Nullable Instant modificationTime;
    private @Nullable Instant changeTime;
    private @Nullable Long ownerId;
    private @Nullable String ownerName;
    private @Nullable Long groupId;
    private @Nullable String groupName;
    private @Nullable Integer permissions;

    private Builder() {}

    /**
     * Sets the last modification time.
     *
     * @param time the time, or null to leave it out
     * @return this builder
     */
    public Builder modificationTime(@Nullable Instant time) {
      this.modificationTime = time;
      return this;
    }

    /**
     * Sets the inode change time. It is written only when it differs from the modification time, as
     * pk-put does.
     *
     * @param time the time, or null to leave it out
     * @return this builder
     */
    public Builder changeTime(@Nullable Instant time) {
      this.changeTime = time;
      return this;
    }

    /**
     * Sets the numeric owner id.
     *
     * @param id a Unix user id, 0 to 4294967295
     * @return this builder
     * @throws IllegalArgumentException if the id is out of range
     */
    public Builder ownerId(long id) {
      this.ownerId = checkId("ownerId", id);
      return this;
    }

    /**
     * Sets the owner's user name.
     *
     * @param name a non-empty user name, or null to leave it out
     * @return this builder
     * @throws IllegalArgumentException if the name is empty
     */
    public Builder ownerName(@Nullable String name) {
      this.ownerName = checkName("ownerName", name);
      return this;
    }

    /**
     * Sets the numeric group id.
     *
     * @param id a Unix group id, 0 to 4294967295
     * @return this builder
     * @throws IllegalArgumentException if the id is out of range
     */
    public Builder groupId(long id) {
      this.groupId = checkId("groupId", id);
      return this;
    }

    /**
     * Sets the group's name.
     *
     * @param name a non-empty group name, or null to leave it out
     * @return this builder
     * @throws IllegalArgumentException if the name is empty
     */
    public Builder groupName(@Nullable String name) {
      this.groupName = checkName("groupName", name);
      return this;
    }

    /**
     * Sets the permission bits (owner, group and other read/write/execute), e.g. {@code 0644}.
     *
     * @param bits 0 to 0777; setuid, setgid and sticky bits are not stored by Perkeep
     * @return this builder
     * @throws IllegalArgumentException if the value is outside 0..0777
     */
    public Builder permissions(int bits) {
      if (bits < 0 || bits > 0777) {
        throw new IllegalArgumentException(
            "permissions must be within 0..0777 (octal), got 0" + Integer.toOctalString(bits));
      }
      this.permissions = bits;
      return this;
    }

    /** {@return the metadata} */
    public FileMetadata build() {
      return new FileMetadata(this);
    }

    private static Long checkId(String option, long id) {
      if (id < 0 || id > MAX_ID) {
        throw new IllegalArgumentException(option + " must be within 0.." + MAX_ID + ", got " + id);
      }
      return id;
    }

    private static @Nullable String checkName(String option, @Nullable String name) {
      if (name != null && name.isEmpty()) {
        throw new IllegalArgumentException(
            option + " must not be empty (use null to leave it out)");
      }
      return name;
    }
  }
}
