using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpFleet.Cli.Repl.Output;

/// <summary>
/// <c>--json</c>: each verb's result as one JSON object on one line of the output, and each error as one
/// <c>{"error": "…"}</c> line of the error output, so a script reads exactly one line per command it sends.
/// </summary>
internal sealed class JsonRenderer(TextWriter output, TextWriter error, SecretMask secrets) : IReplRenderer
{
    private static readonly JsonSerializerOptions s_options = new() { Encoder = SecretMask.JsonEncoder };

    public void Render(VerbResult result)
    {
        if (result.Json is not { } json)
        {
            return;
        }

        if (result.Problems.Count > 0 && json is JsonObject withProblems)
        {
            withProblems["problems"] = new JsonArray([.. result.Problems.Select(problem => JsonValue.Create(problem))]);
        }

        output.WriteLine(secrets.Redact(json.ToJsonString(s_options)));
    }

    public void Error(string message) => error.WriteLine(secrets.Redact(new JsonObject { ["error"] = message }.ToJsonString(s_options)));

    public void Progress(string message) => error.WriteLine(secrets.Redact(new JsonObject { ["progress"] = message }.ToJsonString(s_options)));
}
