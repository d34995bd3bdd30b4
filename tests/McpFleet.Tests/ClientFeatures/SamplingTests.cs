using McpFleet.ClientFeatures;
using McpFleet.Configuration;
using McpFleet.Tools;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Sampling is deprecated from revision 2026-07-28 on; it is what these servers use.

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.ClientFeatures;

/// <summary>Servers on the allow-list sample the application's model through an <see cref="IChatClient"/>, within limits.</summary>
public sealed class SamplingTests
{
    [Fact]
    public async Task Everything_samples_the_applications_chat_client_with_its_token_limit_lowered()
    {
        var model = new ScriptedModel("Oslo is the capital of Norway.");
        await using var runtime = ClientFleets.Runtime(
            features =>
            {
                features.Sampling.UseChatClient(model);
                features.Sampling.AllowedServers.Add("everything");
                features.Sampling.MaxTokens = 50;
            },
            null,
            ClientFleets.Everything());

        var result = await ClientFleets.CallAsync(runtime, "everything", "trigger-sampling-request", """{"prompt": "What is the capital of Norway?", "maxTokens": 500}""");

        Assert.Contains("Oslo is the capital of Norway.", result.Text, StringComparison.Ordinal);
        Assert.Contains("scripted-model", result.Text, StringComparison.Ordinal);
        var (messages, options) = Assert.Single(model.Requests);
        Assert.Contains("What is the capital of Norway?", Assert.Single(messages).Text, StringComparison.Ordinal);
        Assert.Equal(50, options!.MaxOutputTokens);
        Assert.Equal("You are a helpful test server.", options.Instructions);
    }

    [Fact]
    public async Task A_server_off_the_allow_list_is_not_offered_sampling()
    {
        await using var runtime = ClientFleets.Runtime(
            features =>
            {
                features.Sampling.UseChatClient(new ScriptedModel("unused"));
                features.Sampling.AllowedServers.Add("trusted");
            },
            null,
            ClientFleets.Everything("trusted"),
            ClientFleets.Everything("other"));

        Assert.Contains("trigger-sampling-request", await ClientFleets.ToolNamesAsync(runtime, "trusted"));
        Assert.DoesNotContain("trigger-sampling-request", await ClientFleets.ToolNamesAsync(runtime, "other"));
    }

    [Fact]
    public async Task A_server_past_its_requests_of_the_window_is_refused()
    {
        var model = new ScriptedModel("42");
        await using var runtime = ClientFleets.Runtime(
            features =>
            {
                features.Sampling.UseChatClient(model);
                features.Sampling.AllowedServers.Add("alpha");
                features.Sampling.MaxRequestsPerWindow = 1;
                features.Sampling.RequestWindow = TimeSpan.FromHours(1);
            },
            null,
            ClientFleets.Sample("alpha", "ask_model"));

        var first = await ClientFleets.CallAsync(runtime, "alpha", "ask_model", """{"prompt": "six times seven?"}""");
        var refused = await Assert.ThrowsAnyAsync<ToolException>(() => ClientFleets.CallAsync(runtime, "alpha", "ask_model", """{"prompt": "again?"}"""));

        Assert.Equal("42", first.StructuredContent!.Value.GetProperty("text").GetString());
        Assert.Contains("has used its 1 sampling requests", refused.Message, StringComparison.Ordinal);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task The_gate_lowers_the_token_limit_and_opens_again_when_the_window_ends()
    {
        var time = new FakeTimeProvider();
        var options = new SamplingOptions { MaxTokens = 10, MaxRequestsPerWindow = 2, RequestWindow = TimeSpan.FromMinutes(1) };
        var gate = new SamplingGate(options, time);
        var server = ServerDefinition.Stdio("alpha", "unused");
        var asked = new List<int>();
        SamplingHandler handler = (request, _) =>
        {
            asked.Add(request.Parameters.MaxTokens);
            return ValueTask.FromResult(new CreateMessageResult { Model = "m", Content = [new TextContentBlock { Text = "ok" }] });
        };
        CreateMessageRequestParams Request() => new() { Messages = [], MaxTokens = 500 };

        await gate.SampleAsync(server, handler, Request(), NullProgress.Instance, default);
        await gate.SampleAsync(server, handler, Request(), NullProgress.Instance, default);
        await Assert.ThrowsAsync<McpProtocolException>(() => gate.SampleAsync(server, handler, Request(), NullProgress.Instance, default).AsTask());
        time.Advance(TimeSpan.FromMinutes(1));
        await gate.SampleAsync(server, handler, Request(), NullProgress.Instance, default);

        Assert.Equal([10, 10, 10], asked);
    }

    private sealed class NullProgress : IProgress<ProgressNotificationValue>
    {
        public static NullProgress Instance { get; } = new();

        public void Report(ProgressNotificationValue value)
        {
        }
    }
}
