using McpFleet.Aggregation;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;

namespace McpFleet.Tests.Aggregation;

/// <summary>Each aggregation strategy, against real sample servers that agree, disagree, fail and stall.</summary>
[Collection(AggregationServers.Collection)]
public sealed class AggregationStrategyTests(StrategyFleet fleet) : IClassFixture<StrategyFleet>
{
    private FleetRuntime Runtime => fleet.Runtime;

    private static FanOutTargets Echo(params string[] servers) => FanOutTargets.Servers(SampleTools.Echo("any"), servers);

    private static FanOutTargets Listing(params string[] servers) => FanOutTargets.Servers(ListFiles.Tool(), servers);

    [Fact]
    public async Task First_takes_the_first_success_in_preference_order_not_the_fastest()
    {
        var result = await Runtime.FanOutAsync(Echo("broken", "lagging", "alpha"), new EchoArguments("hi"), AggregationStrategies.First<TextToolResult>());

        Assert.Equal("hi", result.Value.Text);
        Assert.Equal(["lagging"], result.Contributors);
        Assert.Equal(["broken", "lagging", "alpha"], result.Outcomes.Select(o => o.Server));
        Assert.Equal(ServerOutcomeStatus.Failed, result.Outcomes[0].Status);
        Assert.Equal(ServerOutcomeStatus.Succeeded, result.Outcomes[1].Status);
    }

    [Fact]
    public async Task First_cancels_the_targets_after_a_success()
    {
        var result = await Runtime.FanOutAsync(Echo("alpha", "stalled"), new EchoArguments("hi"), AggregationStrategies.First<TextToolResult>());

        Assert.Equal(["alpha"], result.Contributors);
        Assert.Equal([ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Cancelled], result.Outcomes.Select(o => o.Status));
        Assert.IsAssignableFrom<OperationCanceledException>(result.Outcomes[1].Exception);
        Assert.Equal(0, Runtime.GetServerStatuses().Single(s => s.Name == "stalled").OutstandingRequests);
    }

    [Fact]
    public async Task Fastest_takes_the_first_answer_and_cancels_the_rest()
    {
        // First would wait for the stalled server, which comes first in target order.
        var result = await Runtime.FanOutAsync(Echo("stalled", "alpha"), new EchoArguments("quick"), AggregationStrategies.Fastest<TextToolResult>());

        Assert.Equal("quick", result.Value.Text);
        Assert.Equal(["alpha"], result.Contributors);
        Assert.Equal([ServerOutcomeStatus.Cancelled, ServerOutcomeStatus.Succeeded], result.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task All_returns_every_success_with_each_servers_outcome()
    {
        var result = await Runtime.FanOutAsync(Listing("alpha", "broken", "gamma"), new ListFilesArguments(), AggregationStrategies.All<ListFilesResult>());

        Assert.Equal(2, result.Value.Count);
        Assert.Equal(["a.txt", "b.txt"], result.Value[0].Entries.Select(e => e.Name));
        Assert.Equal(["a.txt", "c.txt", "d.txt"], result.Value[1].Entries.Select(e => e.Name));
        Assert.Equal(["alpha", "gamma"], result.Contributors);
        var broken = result.Outcomes[1];
        Assert.Equal(ServerOutcomeStatus.Failed, broken.Status);
        Assert.Null(broken.Value);
        Assert.Contains("Injected failure on server 'broken'", Assert.IsType<ToolCallException>(broken.Exception).Message, StringComparison.Ordinal);
        Assert.All(result.Outcomes, outcome => Assert.True(outcome.Latency > TimeSpan.Zero));
    }

    [Fact]
    public async Task Majority_names_the_agreeing_servers()
    {
        var result = await Runtime.FanOutAsync(Listing("gamma", "alpha", "beta"), new ListFilesArguments(), AggregationStrategies.Majority<ListFilesResult>());

        Assert.Equal(["a.txt", "b.txt"], result.Value.Entries.Select(e => e.Name));
        Assert.Equal(["alpha", "beta"], result.Contributors);
        Assert.Equal("majority", result.Strategy);
    }

    [Fact]
    public async Task Majority_cancels_the_targets_it_no_longer_needs()
    {
        var result = await Runtime.FanOutAsync(Listing("alpha", "stalled", "beta"), new ListFilesArguments(), AggregationStrategies.Majority<ListFilesResult>());

        Assert.Equal(["alpha", "beta"], result.Contributors);
        Assert.Equal(ServerOutcomeStatus.Cancelled, result.Outcomes[1].Status);
    }

    [Fact]
    public async Task A_majority_that_is_not_reached_is_an_exception_with_every_outcome()
    {
        var error = await Assert.ThrowsAsync<FanOutException>(
            () => Runtime.FanOutAsync(Listing("alpha", "gamma", "broken"), new ListFilesArguments(), AggregationStrategies.Majority<ListFilesResult>()));

        Assert.Equal(FanOutFailureKind.NoAgreement, error.Kind);
        Assert.Equal(["alpha", "gamma", "broken"], error.Outcomes.Select(o => o.Server));
        Assert.Equal([ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Failed], error.Outcomes.Select(o => o.Status));
        Assert.Equal(["c.txt", "d.txt"], ((ServerOutcome<ListFilesResult>)error.Outcomes[1]).Value!.Entries.Skip(1).Select(e => e.Name));
        Assert.StartsWith(
            "Fan-out of tool 'list_files' (majority) has no result: a majority of 2 of 3 servers did not agree on one result; the largest agreement was 1 ('alpha').",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quorum_that_is_not_reached_is_an_exception()
    {
        var error = await Assert.ThrowsAsync<FanOutException>(
            () => Runtime.FanOutAsync(Listing("alpha", "gamma"), new ListFilesArguments(), AggregationStrategies.Quorum<ListFilesResult>(2)));

        Assert.Equal(FanOutFailureKind.NoAgreement, error.Kind);
        Assert.Equal("quorum:2", error.Strategy);
        Assert.All(error.Outcomes, outcome => Assert.True(outcome.Succeeded));
        Assert.Contains("the quorum of 2 of 2 servers did not agree on one result; the largest agreement was 1 ('alpha').", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quorum_that_can_no_longer_be_reached_stops_waiting()
    {
        // Once alpha and gamma disagree, three cannot agree whatever the stalled server answers.
        var error = await Assert.ThrowsAsync<FanOutException>(
            () => Runtime.FanOutAsync(Listing("alpha", "gamma", "stalled"), new ListFilesArguments(), AggregationStrategies.Quorum<ListFilesResult>(3)));

        Assert.Equal(FanOutFailureKind.NoAgreement, error.Kind);
        Assert.Equal([ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Succeeded, ServerOutcomeStatus.Cancelled], error.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task A_quorum_that_is_reached_returns_the_agreed_result()
    {
        var result = await Runtime.FanOutAsync(Listing("alpha", "gamma", "beta"), new ListFilesArguments(), AggregationStrategies.Quorum<ListFilesResult>(2));

        Assert.Equal(["alpha", "beta"], result.Contributors);
    }

    [Fact]
    public async Task Merge_concatenates_lists_without_duplicate_keys()
    {
        var result = await Runtime.FanOutAsync(
            Listing("alpha", "gamma"),
            new ListFilesArguments(),
            AggregationStrategies.Merge(Merges.ConcatDistinct((ListFilesResult listing) => listing.Entries, entry => entry.Name)));

        Assert.Equal(["a.txt", "b.txt", "c.txt", "d.txt"], result.Value.Select(e => e.Name));
        Assert.Equal((long?)5, result.Value[0].Size); // alpha's a.txt, the first of that name
        Assert.Equal(["alpha", "gamma"], result.Contributors);
    }

    [Fact]
    public async Task Merge_averages_a_numeric_field()
    {
        var result = await Runtime.FanOutAsync(
            Listing("alpha", "broken", "gamma"), new ListFilesArguments(), AggregationStrategies.Merge(Merges.Average((ListFilesResult listing) => listing.Entries.Count)));

        Assert.Equal(2.5, result.Value);
    }

    [Fact]
    public async Task Merge_picks_the_result_with_the_highest_score()
    {
        var result = await Runtime.FanOutAsync(
            Listing("alpha", "gamma", "beta"), new ListFilesArguments(), AggregationStrategies.Merge(Merges.HighestBy((ListFilesResult listing) => listing.Entries.Count)));

        Assert.Equal(["a.txt", "c.txt", "d.txt"], result.Value.Entries.Select(e => e.Name));
    }

    [Fact]
    public async Task When_every_target_fails_the_fan_out_fails()
    {
        var error = await Assert.ThrowsAsync<FanOutException>(
            () => Runtime.FanOutAsync(Echo("broken"), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>()));

        Assert.Equal(FanOutFailureKind.AllFailed, error.Kind);
        Assert.IsType<ToolCallException>(Assert.Single(error.Outcomes).Exception);
    }

    [Fact]
    public async Task Too_few_successes_for_the_required_quorum_fail_the_fan_out()
    {
        var error = await Assert.ThrowsAsync<FanOutException>(
            () => Runtime.FanOutAsync(Echo("alpha", "broken"), new EchoArguments("hi"), AggregationStrategies.All<TextToolResult>(), new FanOutOptions { MinimumSuccesses = 2 }));

        // Once broken has failed, two successes are out of reach: alpha is cancelled if it has not answered yet.
        Assert.Equal(FanOutFailureKind.TooFewSuccesses, error.Kind);
        Assert.Equal(ServerOutcomeStatus.Failed, error.Outcomes[1].Status);
        Assert.Contains(" of 2 servers succeeded; at least 2 must.", error.Message, StringComparison.Ordinal);
    }
}
