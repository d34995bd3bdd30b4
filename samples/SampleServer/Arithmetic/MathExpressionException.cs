namespace McpFleet.SampleServer.Arithmetic;

/// <summary>An expression that cannot be evaluated; the message names the position of the problem.</summary>
internal sealed class MathExpressionException(string message, int position) : Exception(message)
{
    /// <summary>The 1-based position in the expression where the problem was found.</summary>
    public int Position { get; } = position;
}
