package io.camlistore.camel;

/** The text blob of the captured exchanges with a real server (fixture 42) and its ref. */
final class HelloBlob {
  /** The blob's text. */
  static final String TEXT = "Hello, Perkeep!\n";

  /** The blob's sha224 ref. */
  static final String REF = "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";

  private HelloBlob() {}
}
