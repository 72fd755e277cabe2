package io.camlistore.protocol.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SearchSortTest {
  @ParameterizedTest
  @EnumSource(SearchSort.class)
  void everyOrderIsFoundByItsWireName(SearchSort sort) {
    assertThat(SearchSort.fromWireName(sort.wireName())).isSameAs(sort);
  }

  @Test
  void wireNamesArePerkeeps() {
    assertThat(SearchSort.CREATED_DESC.wireName()).isEqualTo("-created");
    assertThat(SearchSort.LAST_MODIFIED_DESC.wireName()).isEqualTo("-mod");
    assertThat(SearchSort.BLOBREF.wireName()).isEqualTo("blobref");
  }

  @Test
  void anUnknownNameIsNoOrder() {
    assertThat(SearchSort.fromWireName("newest")).isNull();
    assertThat(SearchSort.fromWireName("")).isNull();
  }
}
