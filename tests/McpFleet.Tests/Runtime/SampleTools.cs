using System.Text.Json;
using McpFleet.Generated;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.Runtime;

/// <summary>
/// Arguments and results for the sample server's tools, written by hand as the generator writes them, so the runtime's
/// entry point can be tested on its own.
/// </summary>
internal static class SampleTools
{
    public static ToolDescriptor Echo(string server) => new(server, "echo", new ToolHints(ReadOnly: true, Idempotent: true));

    public static ToolDescriptor MathCalc(string server) => new(server, "math_calc", new ToolHints(ReadOnly: true, Idempotent: true));

    public static ServerDescriptor Server(string name, string? protocolVersion = null) => new(name, protocolVersion, [Echo(name), MathCalc(name)]);
}

internal sealed record EchoArguments(string Message) : IToolArguments
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        writer.WriteEndObject();
    }
}

internal sealed record RepeatedEchoArguments(string Message, int Repeat) : IToolArguments
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        writer.WriteNumber("repeat", Repeat);
        writer.WriteEndObject();
    }
}

internal sealed record MathCalcArguments(string Expression) : IToolArguments
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("expression", Expression);
        writer.WriteEndObject();
    }
}

internal sealed record MathCalcResult : ToolResult, IToolResult<MathCalcResult>
{
    public required string Expression { get; init; }

    public required double Result { get; init; }

    public static MathCalcResult FromCallToolResult(CallToolResult result, ToolDescriptor tool)
    {
        var content = StructuredJson.GetStructuredContent(result, tool);
        return new MathCalcResult
        {
            RawResult = result,
            Expression = StructuredJson.GetString(content, "expression", tool),
            Result = StructuredJson.GetDouble(content, "result", tool),
        };
    }
}
