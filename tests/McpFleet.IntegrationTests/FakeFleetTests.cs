using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Aggregation;
using McpFleet.IntegrationTests.Generated;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.IntegrationTests;

/// <summary>
/// How an application tests its own code without servers: the generated fleet programs against
/// <see cref="IFleetRuntime"/>, so a fake runtime answers its typed methods, and sees what they would have sent.
/// </summary>
public sealed class FakeFleetTests
{
    [Fact]
    public async Task A_fake_runtime_answers_the_generated_methods_and_sees_their_arguments()
    {
        var fake = new FakeRuntime();
        fake.Answers[("sample", "math_calc")] = new CallToolResult { StructuredContent = JsonSerializer.SerializeToElement(new { expression = "6 × 7", result = 42.0 }), Content = [] };
        await using var fleet = new TestFleet(fake);

        var product = await fleet.Sample.MathCalcAsync("6 × 7");

        Assert.Equal(42, product.Result);
        var (tool, arguments) = Assert.Single(fake.Calls);
        Assert.Equal(("sample", "math_calc"), (tool.ServerName, tool.ToolName));
        Assert.Equal("6 × 7", arguments["expression"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_fake_runtime_can_fail_a_call_as_the_fleet_would()
    {
        var fake = new FakeRuntime();
        await using var fleet = new TestFleet(fake);

        var error = await Assert.ThrowsAsync<ToolNotSentException>(() => fleet.Sample.EchoAsync("hello"));

        Assert.Equal((NotSentReason.NoReplica, CallDelivery.NotSent), (error.Reason, error.Delivery));
    }

    /// <summary>The application's fake: canned answers by server and tool; anything else is a call that was not sent.</summary>
    private sealed class FakeRuntime : IFleetRuntime
    {
        public Dictionary<(string Server, string Tool), CallToolResult> Answers { get; } = [];

        public List<(ToolDescriptor Tool, JsonObject Arguments)> Calls { get; } = [];

        public Task ConnectAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, CancellationToken cancellationToken = default)
            where TArguments : IToolArguments
            where TResult : IToolResult<TResult>
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                arguments.WriteTo(writer);
            }

            Calls.Add((tool, JsonNode.Parse(buffer.ToArray())!.AsObject()));
            return Answers.TryGetValue((tool.ServerName, tool.ToolName), out var answer)
                ? Task.FromResult(TResult.FromCallToolResult(answer, tool))
                : Task.FromException<TResult>(new ToolNotSentException(tool.ToolName, tool.ServerName, null, NotSentReason.NoReplica, [], $"No answer for {tool}."));
        }

        public Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, CancellationToken cancellationToken = default)
            where TArguments : IToolArguments
            where TResult : IToolResult<TResult> =>
            CallToolAsync<TArguments, TResult>(group.Members[0].Tool, arguments, cancellationToken);

        public Task<FanOutResult<TResult, TValue>> FanOutAsync<TArguments, TResult, TValue>(
            FanOutTargets targets, TArguments arguments, AggregationStrategy<TResult, TValue> strategy, FanOutOptions? options = null, CancellationToken cancellationToken = default)
            where TArguments : IToolArguments
            where TResult : IToolResult<TResult> =>
            throw new NotSupportedException("This application's tests make no fan-outs.");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
