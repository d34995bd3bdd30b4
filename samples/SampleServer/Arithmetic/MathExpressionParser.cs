using System.Globalization;

namespace McpFleet.SampleServer.Arithmetic;

/// <summary>Evaluates arithmetic expressions by recursive descent; it reads numbers and operators, never code.</summary>
/// <remarks>
/// <code>
/// expression = term { ("+" | "-" | "−") term }
/// term       = factor { ("*" | "×" | "/" | "÷") factor }
/// factor     = { "+" | "-" | "−" } primary
/// primary    = number | "(" expression ")"
/// number     = digits [ "." [ digits ] ] | "." digits
/// </code>
/// Whitespace may separate tokens. Binary operators are left-associative. Error messages name 1-based positions.
/// </remarks>
internal sealed class MathExpressionParser
{
    private const string AdditiveOperators = "+-\u2212";
    private const string MultiplicativeOperators = "*\u00D7/\u00F7";

    // Bounds the recursion that parentheses cause, so a hostile expression cannot overflow the stack.
    private const int MaxNesting = 256;

    private readonly string _text;
    private int _index;
    private int _nesting;

    private MathExpressionParser(string text) => _text = text;

    private int Position => _index + 1;

    private bool AtEnd => _index >= _text.Length;

    /// <summary>Evaluates <paramref name="expression"/>.</summary>
    /// <exception cref="MathExpressionException">The expression is malformed, divides by zero or overflows.</exception>
    public static double Evaluate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        MathExpressionParser parser = new(expression);
        var value = parser.ParseExpression();
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Unexpected();
        }

        // -0 is an artefact of IEEE arithmetic ("-0", "0 * -1") that nobody means.
        return value == 0 ? 0 : value;
    }

    private double ParseExpression()
    {
        var value = ParseTerm();
        while (TryReadOperator(AdditiveOperators, out var op, out var position))
        {
            var right = ParseTerm();
            value = Finite(op == '+' ? value + right : value - right, position);
        }

        return value;
    }

    private double ParseTerm()
    {
        var value = ParseFactor();
        while (TryReadOperator(MultiplicativeOperators, out var op, out var position))
        {
            var right = ParseFactor();
            var divides = op is '/' or '\u00F7';
            if (divides && right == 0)
            {
                throw new MathExpressionException($"Division by zero at position {position}", position);
            }

            value = Finite(divides ? value / right : value * right, position);
        }

        return value;
    }

    private double ParseFactor()
    {
        // Signs are counted in a loop rather than by recursion, so "- - - 1" cannot exhaust the stack.
        var negative = false;
        while (TryReadOperator(AdditiveOperators, out var sign, out _))
        {
            negative ^= sign != '+';
        }

        var value = ParsePrimary();
        return negative ? -value : value;
    }

    private double ParsePrimary()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw new MathExpressionException($"Unexpected end of expression at position {Position}; expected a number or '('", Position);
        }

        var current = _text[_index];
        if (char.IsAsciiDigit(current) || current == '.')
        {
            return ParseNumber();
        }

        if (current != '(')
        {
            throw Unexpected();
        }

        var open = Position;
        if (++_nesting > MaxNesting)
        {
            throw new MathExpressionException($"Parentheses are nested more than {MaxNesting} deep at position {open}", open);
        }

        _index++;
        var value = ParseExpression();
        SkipWhitespace();
        if (AtEnd)
        {
            throw new MathExpressionException($"Expected ')' at position {Position} to close '(' at position {open}", Position);
        }

        if (_text[_index] != ')')
        {
            throw Unexpected();
        }

        _index++;
        _nesting--;
        return value;
    }

    private double ParseNumber()
    {
        var start = _index;
        while (!AtEnd && (char.IsAsciiDigit(_text[_index]) || _text[_index] == '.'))
        {
            _index++;
        }

        var literal = _text[start.._index];
        if (literal == "." || !double.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new MathExpressionException($"Invalid number '{literal}' at position {start + 1}", start + 1);
        }

        return Finite(value, start + 1);
    }

    private bool TryReadOperator(string operators, out char op, out int position)
    {
        SkipWhitespace();
        position = Position;
        if (AtEnd || !operators.Contains(_text[_index], StringComparison.Ordinal))
        {
            op = default;
            return false;
        }

        op = _text[_index++];
        return true;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_index]))
        {
            _index++;
        }
    }

    private MathExpressionException Unexpected() =>
        new($"Unexpected '{_text[_index]}' at position {Position}", Position);

    private static double Finite(double value, int position) =>
        double.IsFinite(value)
            ? value
            : throw new MathExpressionException($"Overflow at position {position}: the value is too large", position);
}
