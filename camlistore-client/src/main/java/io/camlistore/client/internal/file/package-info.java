/**
 * Storing and reading files and directories: the file and directory writers, local file-system
 * metadata, and the readers that walk a file's parts and restore directory trees. Not API.
 */
@NullMarked
package io.camlistore.client.internal.file;

import org.jspecify.annotations.NullMarked;
