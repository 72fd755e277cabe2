package io.camlistore.camel.springboot;

import io.camlistore.camel.CamlistoreComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.camlistore.*} properties to the {@code camlistore} component
 * when Camel creates it, through a {@link ComponentCustomizer} (the mechanism of Camel's own
 * starters).
 *
 * <p>Active when Camel Spring Boot is; off with {@code camel.component.camlistore.enabled=false}
 * (or {@code camel.component.enabled=false}); the customizer alone is off with {@code
 * camel.component.camlistore.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({
  ComponentConfigurationProperties.class,
  CamlistoreComponentConfiguration.class
})
@ConditionalOnHierarchicalProperties({"camel.component", CamlistoreComponentConfiguration.PREFIX})
public class CamlistoreComponentAutoConfiguration {
  /** Creates the auto-configuration. */
  public CamlistoreComponentAutoConfiguration() {}

  /**
   * {@return the customizer that copies the set properties onto the component}
   *
   * @param applicationContext where the customizer switches are read
   * @param configuration the bound properties
   */
  @Lazy
  @Bean
  public ComponentCustomizer configureCamlistoreComponent(
      ApplicationContext applicationContext, CamlistoreComponentConfiguration configuration) {
    return new ComponentCustomizer() {
      @Override
      public void configure(String name, Component target) {
        CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
      }

      @Override
      public boolean isEnabled(String name, Component target) {
        return target instanceof CamlistoreComponent
            && HierarchicalPropertiesEvaluator.evaluate(
                applicationContext,
                "camel.component.customizer",
                CamlistoreComponentConfiguration.PREFIX + ".customizer");
      }
    };
  }
}
