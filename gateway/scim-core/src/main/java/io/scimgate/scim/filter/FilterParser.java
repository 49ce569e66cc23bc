package io.scimgate.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.FilterLexer.Kind;
import io.scimgate.scim.filter.FilterLexer.Token;
import io.scimgate.scim.schema.InputLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2. Precedence, loosest first: {@code or},
 * {@code and}, then {@code not (...)}, grouping and attribute expressions; both binary operators associate to
 * the left. Keywords and operators are case-insensitive; {@code true}, {@code false} and {@code null} too.
 *
 * <p>Any input, however hostile, either parses or raises a 400 {@code invalidFilter} whose detail names the
 * 1-based position: length and nesting are bounded so that recursion cannot exhaust the stack.
 */
public final class FilterParser {
  static final int MAX_LENGTH = InputLimits.FILTER_LENGTH;
  static final int MAX_DEPTH = InputLimits.FILTER_DEPTH;
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final List<Token> tokens;
  private int next;
  private int depth;

  private FilterParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  public static Filter parse(String text) {
    if (text == null || text.isBlank()) {
      throw ScimException.invalidFilter("The filter is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw ScimException.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters");
    }
    FilterParser parser = new FilterParser(FilterLexer.tokenize(text));
    Filter filter = parser.or(false);
    parser.expect(Kind.END, "'and', 'or' or the end of the filter");
    return filter;
  }

  private Filter or(boolean inValuePath) {
    Filter left = and(inValuePath);
    while (keyword("or")) {
      next++;
      left = new Filter.Or(left, and(inValuePath));
    }
    return left;
  }

  private Filter and(boolean inValuePath) {
    Filter left = unary(inValuePath);
    while (keyword("and")) {
      next++;
      left = new Filter.And(left, unary(inValuePath));
    }
    return left;
  }

  private Filter unary(boolean inValuePath) {
    if (++depth > MAX_DEPTH) {
      throw FilterLexer.error(peek().position(), "the filter nests deeper than " + MAX_DEPTH + " levels");
    }
    try {
      if (keyword("not") && tokens.get(next + 1).kind() == Kind.LPAREN) {
        next += 2;
        Filter inner = or(inValuePath);
        expect(Kind.RPAREN, "')'");
        return new Filter.Not(inner);
      }
      if (peek().kind() == Kind.LPAREN) {
        next++;
        Filter inner = or(inValuePath);
        expect(Kind.RPAREN, "')'");
        return inner;
      }
      return attributeExpression(inValuePath);
    } finally {
      depth--;
    }
  }

  private Filter attributeExpression(boolean inValuePath) {
    Token pathToken = expect(Kind.WORD, "an attribute name, '(' or 'not'");
    AttributePath path = path(pathToken);
    Token operator = peek();
    if (operator.kind() == Kind.LBRACKET) {
      if (inValuePath) {
        throw FilterLexer.error(operator.position(), "a value filter cannot contain another '[...]'");
      }
      next++;
      Filter inner = or(true);
      expect(Kind.RBRACKET, "']'");
      if (peek().kind() == Kind.WORD && peek().text().startsWith(".")) {
        throw FilterLexer.error(peek().position(), "'attr[...]" + peek().text()
            + "' is a PATCH path, not a filter; write attr[... and sub eq value] instead");
      }
      return new Filter.ValuePath(path, inner);
    }
    Token op = expect(Kind.WORD, "an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)");
    if (op.text().equalsIgnoreCase("pr")) {
      return new Filter.Present(path);
    }
    CompareOperator compare = CompareOperator.fromToken(op.text());
    if (compare == null) {
      throw FilterLexer.error(op.position(),
          "expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) but found " + op.describe());
    }
    return new Filter.Comparison(path, compare, value());
  }

  private AttributePath path(Token token) {
    try {
      return AttributePath.parse(token.text());
    } catch (ScimException e) {
      throw FilterLexer.error(token.position(), "'" + token.text() + "' is not a valid attribute path");
    }
  }

  private JsonNode value() {
    Token token = peek();
    if (token.kind() == Kind.STRING) {
      next++;
      return TextNode.valueOf(token.text());
    }
    if (token.kind() == Kind.WORD) {
      String text = token.text().toLowerCase(Locale.ROOT);
      next++;
      switch (text) {
        case "true": return BooleanNode.TRUE;
        case "false": return BooleanNode.FALSE;
        case "null": return NullNode.instance;
        default:
          if (NUMBER.matcher(token.text()).matches()) {
            return number(token.text());
          }
      }
    }
    throw FilterLexer.error(token.position(),
        "expected a value (a \"string\", a number, true, false or null) but found " + token.describe());
  }

  private static JsonNode number(String text) {
    boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    if (integral) {
      BigInteger value = new BigInteger(text);
      return value.bitLength() < 64 ? JsonNodeFactory.instance.numberNode(value.longValue())
          : JsonNodeFactory.instance.numberNode(value);
    }
    return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
  }

  private boolean keyword(String word) {
    Token token = peek();
    return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(word);
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token expect(Kind kind, String expected) {
    Token token = peek();
    if (token.kind() != kind) {
      throw FilterLexer.error(token.position(), "expected " + expected + " but found " + token.describe());
    }
    next++;
    return token;
  }
}
