using System.Text.Json;
using McpFleet.ClientFeatures;
using ModelContextProtocol.Protocol;

namespace McpFleet.Tests.ClientFeatures;

/// <summary>Servers' questions for the user reach the application's handler, fleet-wide or per server.</summary>
public sealed class ElicitationTests
{
    private static ValueTask<ElicitResult> Accept(params (string Name, object Value)[] content) => ValueTask.FromResult(new ElicitResult
    {
        Action = "accept",
        Content = content.ToDictionary(field => field.Name, field => JsonSerializer.SerializeToElement(field.Value)),
    });

    [Fact]
    public async Task Everything_asks_the_fleet_handler_and_the_answer_gets_the_schema_defaults()
    {
        var asked = new List<ElicitationRequest>();
        await using var runtime = ClientFleets.Runtime(
            features => features.Elicitation.Handler = (request, _) =>
            {
                asked.Add(request);
                return Accept(("name", "Ada Lovelace"), ("check", true));
            },
            null,
            ClientFleets.Everything());

        var result = await ClientFleets.CallAsync(runtime, "everything", "trigger-elicitation-request");

        var request = Assert.Single(asked);
        Assert.Equal("everything", request.ServerName);
        Assert.Equal("Please provide inputs for the following fields:", request.Parameters.Message);
        Assert.Contains("- Name: Ada Lovelace", result.Text, StringComparison.Ordinal);
        Assert.Contains("- Agreed to terms: true", result.Text, StringComparison.Ordinal);
        // Left out of the answer: filled from the requested schema's defaults before it was sent.
        Assert.Contains("- Favorite Integer: 42", result.Text, StringComparison.Ordinal);
        Assert.Contains("- Favorite Number: 3.14", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Elicitation_is_advertised_only_to_servers_with_a_handler()
    {
        await using var runtime = ClientFleets.Runtime(
            features =>
            {
                features.Elicitation.Handler = (_, _) => Accept();
                features.Elicitation.Servers["silent"] = null;
            },
            null,
            ClientFleets.Everything("asked"),
            ClientFleets.Everything("silent"));

        // server-everything offers its elicitation tool only to clients that declare the capability.
        Assert.Contains("trigger-elicitation-request", await ClientFleets.ToolNamesAsync(runtime, "asked"));
        Assert.DoesNotContain("trigger-elicitation-request", await ClientFleets.ToolNamesAsync(runtime, "silent"));
        Assert.Contains("echo", await ClientFleets.ToolNamesAsync(runtime, "silent"));
    }

    [Fact]
    public async Task A_server_handler_answers_for_its_server_on_the_2026_revision_with_defaults_filled()
    {
        await using var runtime = ClientFleets.Runtime(
            features =>
            {
                features.Elicitation.Handler = (_, _) => ValueTask.FromResult(new ElicitResult { Action = "decline" });
                features.Elicitation.Servers["alpha"] = (request, _) => Accept(("answer", $"yes, {request.ServerName}"));
            },
            null,
            ClientFleets.Sample("alpha", "ask_user"),
            ClientFleets.Sample("beta", "ask_user"));

        var alpha = await ClientFleets.CallAsync(runtime, "alpha", "ask_user", """{"question": "Proceed?"}""");
        var beta = await ClientFleets.CallAsync(runtime, "beta", "ask_user", """{"question": "Proceed?"}""");

        Assert.Equal("""{"action":"accept","content":{"answer":"yes, alpha","remember":false}}""", alpha.StructuredContent!.Value.GetRawText());
        Assert.Equal("decline", beta.StructuredContent!.Value.GetProperty("action").GetString());
    }
}
