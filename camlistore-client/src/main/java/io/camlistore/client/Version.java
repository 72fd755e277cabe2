package io.camlistore.client;

/** The client library's version. */
public final class Version {
  /** The version of this library, as released. */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  private Version() {}
}
