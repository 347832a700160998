package org.openreturns.ai.risk;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of return-risk scoring (docs/configuration.md).
 *
 * @param apparelCategories product categories that can be worn, where a used item returned soon after delivery is
 *                          wardrobing
 */
@ConfigurationProperties("returns.ai.risk")
public record RiskSettings(@DefaultValue({"t-shirts", "jeans", "dresses", "jackets", "sneakers", "swimwear",
        "underwear", "scarves", "caps", "belts"}) List<String> apparelCategories) {
}
