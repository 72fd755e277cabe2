package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a server said about itself at connect time: where its handlers live (every root resolved to
 * an absolute URL against the final, post-redirect discovery URL), which blob store instance it
 * runs, and how it signs.
 *
 * <p>A root the server did not advertise is null; operations needing it throw {@link
 * ServerFeatureUnavailableException}. Immutable. {@link #toString()} never shows the auth token.
 */
public final class Discovery {
  private final URI serverUrl;
  private final @Nullable URI blobRoot;
  private final @Nullable URI searchRoot;
  private final @Nullable URI jsonSignRoot;
  private final @Nullable URI helpRoot;
  private final @Nullable URI statusRoot;
  private final @Nullable String storageGeneration;
  private final @Nullable String storageInitTime;
  private final @Nullable String ownerName;
  private final @Nullable String authToken;
  private final @Nullable SigningInfo signing;

  private Discovery(Builder builder) {
    this.serverUrl = Objects.requireNonNull(builder.serverUrl, "serverUrl");
    this.blobRoot = builder.blobRoot;
    this.searchRoot = builder.searchRoot;
    this.jsonSignRoot = builder.jsonSignRoot;
    this.helpRoot = builder.helpRoot;
    this.statusRoot = builder.statusRoot;
    this.storageGeneration = builder.storageGeneration;
    this.storageInitTime = builder.storageInitTime;
    this.ownerName = builder.ownerName;
    this.authToken = builder.authToken;
    this.signing = builder.signing;
  }

  /**
   * {@return a builder for discovery results; used by the client's discovery and by tests}
   *
   * @param serverUrl the final URL discovery was answered from
   */
  public static Builder builder(URI serverUrl) {
    return new Builder(serverUrl);
  }

  /** {@return the URL the discovery answer came from, after redirects} */
  public URI serverUrl() {
    return serverUrl;
  }

  /** {@return the blob handler root, e.g. {@code http://host:3179/bs-and-maybe-also-index/}} */
  public @Nullable URI blobRoot() {
    return blobRoot;
  }

  /** {@return the search handler root, or null when the server runs no index} */
  public @Nullable URI searchRoot() {
    return searchRoot;
  }

  /** {@return the sign helper root, or null when the server has no signing identity} */
  public @Nullable URI jsonSignRoot() {
    return jsonSignRoot;
  }

  /** {@return the help handler root} */
  public @Nullable URI helpRoot() {
    return helpRoot;
  }

  /** {@return the status handler root} */
  public @Nullable URI statusRoot() {
    return statusRoot;
  }

  /** {@return the id of the blob store instance; it changes when the store is recreated} */
  public @Nullable String storageGeneration() {
    return storageGeneration;
  }

  /** {@return when the blob store instance was created (RFC 3339)} */
  public @Nullable String storageInitTime() {
    return storageInitTime;
  }

  /** {@return the server owner's name} */
  public @Nullable String ownerName() {
    return ownerName;
  }

  /** {@return the server's auth token, usable with {@link Auth#token(String)}; never printed} */
  public @Nullable String authToken() {
    return authToken;
  }

  /** {@return the server's signing identity, or null when it has none} */
  public @Nullable SigningInfo signing() {
    return signing;
  }

  /** {@return the roots and store identity, without the auth token} */
  @Override
  public String toString() {
    return "Discovery{serverUrl="
        + serverUrl
        + ", blobRoot="
        + blobRoot
        + ", searchRoot="
        + searchRoot
        + ", jsonSignRoot="
        + jsonSignRoot
        + ", storageGeneration="
        + storageGeneration
        + ", ownerName="
        + ownerName
        + ", authToken="
        + (authToken == null ? "none" : "present")
        + ", signing="
        + signing
        + "}";
  }

  /**
   * The signing identity a server advertises in discovery ({@code signing}): its public key and the
   * sign and verify handlers of its sign helper.
   */
  public static final class SigningInfo {
    private final @Nullable BlobRef publicKeyBlobRef;
    private final @Nullable String publicKeyId;
    private final @Nullable URI publicKey;
    private final @Nullable URI signHandler;
    private final @Nullable URI verifyHandler;

    /**
     * Creates signing information.
     *
     * @param publicKeyBlobRef the ref of the armored public key blob ({@code camliSigner})
     * @param publicKeyId the OpenPGP key id, e.g. {@code 7559C29EFA90DC38}
     * @param publicKey where the public key blob is served
     * @param signHandler the sign endpoint
     * @param verifyHandler the verify endpoint
     */
    public SigningInfo(
        @Nullable BlobRef publicKeyBlobRef,
        @Nullable String publicKeyId,
        @Nullable URI publicKey,
        @Nullable URI signHandler,
        @Nullable URI verifyHandler) {
      this.publicKeyBlobRef = publicKeyBlobRef;
      this.publicKeyId = publicKeyId;
      this.publicKey = publicKey;
      this.signHandler = signHandler;
      this.verifyHandler = verifyHandler;
    }

    /** {@return the blobref of the server's public key blob} */
    public @Nullable BlobRef publicKeyBlobRef() {
      return publicKeyBlobRef;
    }

    /** {@return the OpenPGP key id of the server's key} */
    public @Nullable String publicKeyId() {
      return publicKeyId;
    }

    /** {@return the absolute URL of the public key blob} */
    public @Nullable URI publicKey() {
      return publicKey;
    }

    /** {@return the absolute URL of the sign handler} */
    public @Nullable URI signHandler() {
      return signHandler;
    }

    /** {@return the absolute URL of the verify handler} */
    public @Nullable URI verifyHandler() {
      return verifyHandler;
    }

    @Override
    public String toString() {
      return "SigningInfo{publicKeyBlobRef="
          + publicKeyBlobRef
          + ", publicKeyId="
          + publicKeyId
          + ", signHandler="
          + signHandler
          + "}";
    }
  }

  /** Builds a {@link Discovery}. Not thread-safe. */
  public static final class Builder {
    private final URI serverUrl;
    private @Nullable URI blobRoot;
    private @Nullable URI searchRoot;
    private @Nullable URI jsonSignRoot;
    private @Nullable URI helpRoot;
    private @Nullable URI statusRoot;
    private @Nullable String storageGeneration;
    private @Nullable String storageInitTime;
    private @Nullable String ownerName;
    private @Nullable String authToken;
    private @Nullable SigningInfo signing;

    private Builder(URI serverUrl) {
      this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
    }

    /**
     * Sets the blob root.
     *
     * @param blobRoot absolute URL, or null
     * @return this builder
     */
    public Builder blobRoot(@Nullable URI blobRoot) {
      this.blobRoot = blobRoot;
      return this;
    }

    /**
     * Sets the search root.
     *
     * @param searchRoot absolute URL, or null
     * @return this builder
     */
    public Builder searchRoot(@Nullable URI searchRoot) {
      this.searchRoot = searchRoot;
      return this;
    }

    /**
     * Sets the sign helper root.
     *
     * @param jsonSignRoot absolute URL, or null
     * @return this builder
     */
    public Builder jsonSignRoot(@Nullable URI jsonSignRoot) {
      this.jsonSignRoot = jsonSignRoot;
      return this;
    }

    /**
     * Sets the help root.
     *
     * @param helpRoot absolute URL, or null
     * @return this builder
     */
    public Builder helpRoot(@Nullable URI helpRoot) {
      this.helpRoot = helpRoot;
      return this;
    }

    /**
     * Sets the status root.
     *
     * @param statusRoot absolute URL, or null
     * @return this builder
     */
    public Builder statusRoot(@Nullable URI statusRoot) {
      this.statusRoot = statusRoot;
      return this;
    }

    /**
     * Sets the storage generation.
     *
     * @param storageGeneration the id, or null
     * @return this builder
     */
    public Builder storageGeneration(@Nullable String storageGeneration) {
      this.storageGeneration = storageGeneration;
      return this;
    }

    /**
     * Sets the storage init time.
     *
     * @param storageInitTime RFC 3339 text, or null
     * @return this builder
     */
    public Builder storageInitTime(@Nullable String storageInitTime) {
      this.storageInitTime = storageInitTime;
      return this;
    }

    /**
     * Sets the owner name.
     *
     * @param ownerName the name, or null
     * @return this builder
     */
    public Builder ownerName(@Nullable String ownerName) {
      this.ownerName = ownerName;
      return this;
    }

    /**
     * Sets the auth token.
     *
     * @param authToken the token, or null
     * @return this builder
     */
    public Builder authToken(@Nullable String authToken) {
      this.authToken = authToken;
      return this;
    }

    /**
     * Sets the signing identity.
     *
     * @param signing the identity, or null
     * @return this builder
     */
    public Builder signing(@Nullable SigningInfo signing) {
      this.signing = signing;
      return this;
    }

    /** {@return the discovery result} */
    public Discovery build() {
      return new Discovery(this);
    }
  }
}
