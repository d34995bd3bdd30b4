using McpFleet.SampleServer.Arithmetic;

namespace McpFleet.SampleServer.Tests;

public class MathExpressionParserTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("2.", 2)]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("8 / 4 / 2", 1)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("2 * 3 / 4", 1.5)]
    [InlineData("-3", -3)]
    [InlineData("- - 3", 3)]
    [InlineData("+3", 3)]
    [InlineData("2 * -3", -6)]
    [InlineData("2--3", 5)]
    [InlineData("-(2 + 3) * 2", -10)]
    [InlineData("-0", 0)]
    [InlineData("6 × 7", 42)]
    [InlineData("7 ÷ 2", 3.5)]
    [InlineData("5 − 8", -3)]
    [InlineData("−(1.5 + 2.5) × 2 ÷ 4", -2)]
    [InlineData(" \t( ( 1 ) )\n", 1)]
    [InlineData("0.1 + 0.2", 0.30000000000000004)]
    public void Evaluate_returns_the_value(string expression, double expected) =>
        Assert.Equal(expected, MathExpressionParser.Evaluate(expression));

    [Fact]
    public void Negative_zero_is_reported_as_zero() =>
        Assert.False(double.IsNegative(MathExpressionParser.Evaluate("0 * -1")));

    [Theory]
    [InlineData("(1 + 2))", "Unexpected ')' at position 8", 8)]
    [InlineData("2 3", "Unexpected '3' at position 3", 3)]
    [InlineData("1 + x", "Unexpected 'x' at position 5", 5)]
    [InlineData("1 + * 2", "Unexpected '*' at position 5", 5)]
    [InlineData("2 ^ 3", "Unexpected '^' at position 3", 3)]
    [InlineData("", "Unexpected end of expression at position 1; expected a number or '('", 1)]
    [InlineData("1 +", "Unexpected end of expression at position 4; expected a number or '('", 4)]
    [InlineData("(1 + 2", "Expected ')' at position 7 to close '(' at position 1", 7)]
    [InlineData("(1 2)", "Unexpected '2' at position 4", 4)]
    [InlineData("1.2.3", "Invalid number '1.2.3' at position 1", 1)]
    [InlineData("1 + .", "Invalid number '.' at position 5", 5)]
    [InlineData("1 / 0", "Division by zero at position 3", 3)]
    [InlineData("4 ÷ (2 - 2)", "Division by zero at position 3", 3)]
    public void Evaluate_names_the_problem_and_its_position(string expression, string message, int position)
    {
        MathExpressionException exception = Assert.Throws<MathExpressionException>(() => MathExpressionParser.Evaluate(expression));

        Assert.Equal(message, exception.Message);
        Assert.Equal(position, exception.Position);
    }

    [Fact]
    public void Overflow_is_an_error_rather_than_infinity()
    {
        var huge = "1" + new string('0', 300);

        MathExpressionException exception = Assert.Throws<MathExpressionException>(() => MathExpressionParser.Evaluate($"{huge} * {huge}"));

        Assert.Equal("Overflow at position 303: the value is too large", exception.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_exhaust_the_stack()
    {
        var expression = new string('(', 100_000) + "1" + new string(')', 100_000);

        MathExpressionException exception = Assert.Throws<MathExpressionException>(() => MathExpressionParser.Evaluate(expression));

        Assert.Equal("Parentheses are nested more than 256 deep at position 257", exception.Message);
    }

    [Fact]
    public void Long_runs_of_signs_do_not_recurse()
    {
        var expression = new string('-', 100_000) + "1";

        Assert.Equal(1, MathExpressionParser.Evaluate(expression));
    }
}
