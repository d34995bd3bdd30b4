using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using McpFleet.Configuration;
using McpFleet.Testing;
using McpFleet.Tests.Runtime;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;

namespace McpFleet.Tests.Security;

/// <summary>
/// No configured secret, whichever server it belongs to, reaches an exception's message or <c>ToString()</c>, a log line
/// at any level, a metric tag or a McpFleet span, even from a server that echoes another server's token in its errors
/// and on standard error. Exceptions are checked through what is thrown, whatever its type.
/// </summary>
public sealed class SecretMaskingTests : IDisposable
{
    private const string OwnToken = "tok-own-secret-1f8e2d";
    private const string OtherToken = "tok-other-secret-7c4a90";

    // This process's variable holding the other server's token, which the leaky server is given by name: a token it
    // has no business knowing, and which is not among its own configured secrets.
    private readonly string _variable = $"MCPFLEET_TEST_LEAK_{Guid.NewGuid():N}";
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public SecretMaskingTests() => Environment.SetEnvironmentVariable(_variable, OtherToken);

    public void Dispose() => Environment.SetEnvironmentVariable(_variable, null);

    [Fact]
    public async Task No_configured_secret_reaches_an_exception_a_log_line_a_metric_tag_or_a_span()
    {
        var (leakyName, otherName, crashingName) = ($"leaky-{_suffix}", $"other-{_suffix}", $"crashing-{_suffix}");
        var (process, endpoint) = await HostileServer.StartAsync("http");
        await using var _ = process;
        var leaky = Hostile.Stdio(leakyName, "--leak-env", _variable) with
        {
            EnvironmentVariables = ImmutableDictionary<string, string>.Empty.Add("API_TOKEN", OwnToken),
            Secrets = [OwnToken],
            InheritedEnvironmentVariables = [_variable],
        };
        var other = ServerDefinition.Remote(otherName, endpoint, TransportKind.StreamableHttp) with
        {
            Headers = ImmutableDictionary<string, string>.Empty.Add("X-Api-Key", OtherToken),
            Secrets = [OtherToken],
        };
        var crashing = ServerDefinition.Stdio(crashingName, "node", "-e", $"console.error('my token is ' + process.env.{_variable}); process.exit(3)") with
        {
            InheritedEnvironmentVariables = [_variable],
        };

        using var sinks = new Sinks();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(sinks.Logs));
        var thrown = new List<Exception>();
        await using (var runtime = new FleetRuntime(TestServers.FastOptions(leaky, other, crashing), loggerFactory: loggerFactory))
        {
            Assert.Equal("fine", (await Hostile.CallAsync(runtime, otherName, "echo", """{ "message": "fine" }""")).Text);
            Assert.Equal("fine", (await Hostile.CallAsync(runtime, leakyName, "echo", """{ "message": "fine" }""")).Text);
            thrown.Add(await Assert.ThrowsAnyAsync<Exception>(() => Hostile.CallAsync(runtime, leakyName, "leak")));
            thrown.Add(await Assert.ThrowsAnyAsync<Exception>(() => Hostile.CallAsync(runtime, leakyName, "leak_rpc")));
            thrown.Add(await Assert.ThrowsAnyAsync<Exception>(() => Hostile.CallAsync(runtime, crashingName, "echo", """{ "message": "hi" }""")));
            thrown.Add(await Assert.ThrowsAnyAsync<Exception>(() => runtime.ConnectAsync()));
        }

        // The texts are masked where the secret was, not dropped.
        Assert.IsType<ToolErrorException>(thrown[0]);
        Assert.Contains("upstream rejected token ***", thrown[0].Message, StringComparison.Ordinal);
        Assert.Contains("upstream rejected token ***", thrown[1].Message, StringComparison.Ordinal);
        Assert.Contains("my token is ***", thrown[2].Message, StringComparison.Ordinal);
        Assert.Contains(sinks.Logs.Messages, line => line.Contains("starting with token ***", StringComparison.Ordinal));
        Assert.Contains(sinks.Logs.Messages, line => line.Contains("upstream rejected token ***", StringComparison.Ordinal));
        Assert.Contains(sinks.Spans, span => span.Contains(leakyName, StringComparison.Ordinal));
        Assert.Contains(sinks.Tags, tag => tag.Contains(leakyName, StringComparison.Ordinal));

        string[] everything =
        [
            .. thrown.SelectMany(e => new[] { e.Message, e.ToString() }),
            .. sinks.Logs.Messages,
            .. sinks.Tags,
            .. sinks.Spans,
        ];
        Assert.All(everything, text =>
        {
            Assert.DoesNotContain(OtherToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(OwnToken, text, StringComparison.Ordinal);
        });
    }

    /// <summary>Everything the fleet reports: log lines of every level, every metric tag, every McpFleet span.</summary>
    private sealed class Sinks : IDisposable
    {
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _activities;

        public Sinks()
        {
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "McpFleet")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((_, _, tags, _) => Record(tags));
            _meters.SetMeasurementEventCallback<double>((_, _, tags, _) => Record(tags));
            _meters.Start();
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "McpFleet",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = span => Spans.Enqueue(Describe(span)),
            };
            ActivitySource.AddActivityListener(_activities);
        }

        public CollectingLoggerProvider Logs { get; } = new();

        public ConcurrentQueue<string> Tags { get; } = new();

        public ConcurrentQueue<string> Spans { get; } = new();

        public void Dispose()
        {
            _meters.Dispose();
            _activities.Dispose();
        }

        private static string Describe(Activity span) =>
            string.Join(
                " | ",
                [
                    span.DisplayName,
                    span.StatusDescription ?? "",
                    .. span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"),
                    .. span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name} {tag.Key}={tag.Value}").Prepend(e.Name)),
                ]);

        private void Record(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var (key, value) in tags)
            {
                Tags.Enqueue($"{key}={value}");
            }
        }
    }
}
