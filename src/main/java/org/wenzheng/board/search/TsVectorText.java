package org.wenzheng.board.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a tsvector's text form ({@code 'word':1,4 'other':2}) back into lexemes and their positions. */
final class TsVectorText {

    private static final int[] NO_POSITIONS = new int[0];

    private TsVectorText() {
    }

    /**
     * The lexemes with their positions, from 1; weights (a letter after a position) are dropped. Inside quotes a
     * doubled quote or a backslash escapes the next character, as PostgreSQL writes them.
     */
    static Map<String, int[]> parse(String text) {
        Map<String, int[]> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        StringBuilder lexeme = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c != '\'') {
                throw new IllegalArgumentException("not a tsvector at " + i + ": " + text);
            }
            lexeme.setLength(0);
            i++;
            while (true) {
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated lexeme: " + text);
                }
                char d = text.charAt(i);
                if (d == '\\' && i + 1 < n) {
                    lexeme.append(text.charAt(i + 1));
                    i += 2;
                } else if (d == '\'') {
                    if (i + 1 < n && text.charAt(i + 1) == '\'') {
                        lexeme.append('\'');
                        i += 2;
                    } else {
                        i++;
                        break;
                    }
                } else {
                    lexeme.append(d);
                    i++;
                }
            }
            int[] positions = NO_POSITIONS;
            if (i < n && text.charAt(i) == ':') {
                i++;
                positions = new int[4];
                int count = 0;
                while (i < n && text.charAt(i) != ' ') {
                    int value = 0;
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        value = value * 10 + (text.charAt(i) - '0');
                        i++;
                    }
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != ' ') {
                        i++; // weight letter
                    }
                    if (count == positions.length) {
                        positions = Arrays.copyOf(positions, count * 2);
                    }
                    positions[count++] = value;
                    if (i < n && text.charAt(i) == ',') {
                        i++;
                    }
                }
                positions = Arrays.copyOf(positions, count);
            }
            out.put(lexeme.toString(), positions);
        }
        return out;
    }
}
