using System.ComponentModel;
using McpFleet.SampleServer.Arithmetic;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>math_calc</c> tool: evaluates an arithmetic expression with <see cref="MathExpressionParser"/>.</summary>
internal static class MathCalcTool
{
    public static McpServerTool Create() => McpServerTool.Create(Calculate, new McpServerToolCreateOptions
    {
        Name = ToolNames.MathCalc,
        Title = "Calculate",
        Description = "Evaluates an arithmetic expression: decimal numbers, + - * / (also − × ÷), parentheses and unary signs, " +
            "with the usual precedence. Errors name the 1-based position of the problem.",
        ReadOnly = true,
        Idempotent = true,
        Destructive = false,
        OpenWorld = false,
        UseStructuredContent = true,
    });

    private static Calculation Calculate([Description("The expression, e.g. '(1.5 + 2) × -3'.")] string expression)
    {
        try
        {
            return new Calculation(expression, MathExpressionParser.Evaluate(expression));
        }
        catch (MathExpressionException exception)
        {
            // McpException's message reaches the caller as a tool error; other exceptions' messages are hidden.
            throw new McpException(exception.Message, exception);
        }
    }

    /// <param name="Expression">The expression as given.</param>
    /// <param name="Result">Its value.</param>
    internal sealed record Calculation(string Expression, double Result);
}
