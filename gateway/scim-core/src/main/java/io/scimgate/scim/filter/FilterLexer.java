package io.scimgate.scim.filter;

import io.scimgate.connectors.api.ScimException;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens: brackets, parentheses, JSON strings, and words (paths, operators, literals). */
final class FilterLexer {
  enum Kind { LPAREN, RPAREN, LBRACKET, RBRACKET, STRING, WORD, END }

  /** A token; {@code position} is 1-based, for error messages. */
  record Token(Kind kind, String text, int position) {
    String describe() {
      return switch (kind) {
        case END -> "the end of the filter";
        case STRING -> "a string";
        default -> "'" + text + "'";
      };
    }
  }

  private final String input;
  private int index;

  private FilterLexer(String input) {
    this.input = input;
  }

  static List<Token> tokenize(String input) {
    return new FilterLexer(input).all();
  }

  private List<Token> all() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      while (index < input.length() && Character.isWhitespace(input.charAt(index))) {
        index++;
      }
      if (index >= input.length()) {
        tokens.add(new Token(Kind.END, "", index + 1));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int start = index;
    char c = input.charAt(index);
    switch (c) {
      case '(': index++; return new Token(Kind.LPAREN, "(", start + 1);
      case ')': index++; return new Token(Kind.RPAREN, ")", start + 1);
      case '[': index++; return new Token(Kind.LBRACKET, "[", start + 1);
      case ']': index++; return new Token(Kind.RBRACKET, "]", start + 1);
      case '"': return string();
      default: return word();
    }
  }

  private Token word() {
    int start = index;
    while (index < input.length()) {
      char c = input.charAt(index);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"') {
        break;
      }
      index++;
    }
    return new Token(Kind.WORD, input.substring(start, index), start + 1);
  }

  /** A JSON string (RFC 8259 §7): the token text is the decoded value. */
  private Token string() {
    int start = index++;
    StringBuilder value = new StringBuilder();
    while (index < input.length()) {
      char c = input.charAt(index++);
      if (c == '"') {
        return new Token(Kind.STRING, value.toString(), start + 1);
      }
      if (c == '\\') {
        value.append(escape(start));
      } else if (c < 0x20) {
        throw error(index, "control characters must be escaped inside a string");
      } else {
        value.append(c);
      }
    }
    throw error(start + 1, "the string is not terminated (missing closing quote)");
  }

  private char escape(int stringStart) {
    if (index >= input.length()) {
      throw error(stringStart + 1, "the string is not terminated (missing closing quote)");
    }
    char c = input.charAt(index++);
    switch (c) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u':
        if (index + 4 > input.length()) {
          throw error(index - 1, "\\u needs four hexadecimal digits");
        }
        try {
          char decoded = (char) Integer.parseInt(input.substring(index, index + 4), 16);
          index += 4;
          return decoded;
        } catch (NumberFormatException e) {
          throw error(index - 1, "\\u needs four hexadecimal digits");
        }
      default:
        throw error(index - 1, "'\\" + c + "' is not a JSON escape");
    }
  }

  static ScimException error(int position, String problem) {
    return ScimException.invalidFilter("Invalid filter at position " + position + ": " + problem);
  }
}
