package io.camlistore.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers an upload as Perkeep does (the shape of fixtures 30 and 32: one {@code received} entry
 * with the ref and size of each part), for uploads of blobs a test cannot know in advance, such as
 * claims signed locally at the current time. Applies only to stubs that name it.
 */
final class UploadReceipts implements ResponseDefinitionTransformerV2 {
  /** The name stubs give in {@code withTransformers}. */
  static final String NAME = "upload-receipts";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode received = answer.putArray("received");
    for (Request.Part part : event.getRequest().getParts()) {
      received
          .addObject()
          .put("blobRef", part.getName())
          .put("size", part.getBody().asBytes().length);
    }
    return ResponseDefinitionBuilder.like(event.getResponseDefinition())
        .but()
        .withHeader("Content-Type", "text/javascript")
        .withBody(answer.toPrettyString())
        .build();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }
}
