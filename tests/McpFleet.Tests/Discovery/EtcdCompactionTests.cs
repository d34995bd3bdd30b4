using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json;
using McpFleet.Discovery;

namespace McpFleet.Tests.Discovery;

/// <summary>
/// A watch that etcd cancels because the history it starts from was compacted. A real etcd cannot be made to compact
/// between the provider's list and its watch, so a scripted gateway plays etcd's part, answering as etcd 3.4 does.
/// </summary>
public sealed class EtcdCompactionTests : IDisposable
{
    private readonly CapturingLoggerFactory _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Lists_again_when_etcd_cancels_the_watch_and_watches_from_the_new_revision()
    {
        using var gateway = new ScriptedGateway();
        gateway.Ranges.Enqueue(Range(revision: 5, "a"));
        gateway.Watches.Enqueue(
            """{"result":{"header":{"revision":"5"},"created":true}}""" + "\n"
            + """{"result":{"header":{"revision":"7"},"canceled":true,"compact_revision":"7"}}""" + "\n");
        gateway.Ranges.Enqueue(Range(revision: 8, "a", "b"));
        gateway.Watches.Enqueue("""{"result":{"header":{"revision":"8"},"created":true}}""" + "\n");
        using var httpClient = new HttpClient(gateway) { Timeout = Timeout.InfiniteTimeSpan };
        var discovery = new EtcdDiscovery(
            new EtcdDiscoveryOptions { Endpoint = new Uri("http://etcd.test:2379"), Prefix = "/mcp/", HttpClient = httpClient },
            _logs);

        await using var sets = new WatchedSets(discovery);

        Assert.Equal(["a"], (await sets.NextAsync()).Select(s => s.Name));
        Assert.Equal(["a", "b"], (await sets.NextAsync()).Select(s => s.Name));
        var ended = Assert.Single(_logs.Entries, entry => entry.EventId.Id == 105);
        Assert.Contains("compacted up to revision 7", ended.Message, StringComparison.Ordinal);
        Assert.Equal([6L, 9L], gateway.WatchStartRevisions);
    }

    private static string Range(long revision, params string[] names) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["header"] = new Dictionary<string, string> { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["kvs"] = names.Select(name => new Dictionary<string, string>
            {
                ["key"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("/mcp/" + name)),
                ["value"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{ "url": "http://127.0.0.1:9000/{{name}}" }""")),
            }).ToList(),
        });

    /// <summary>
    /// Answers range requests and watch requests from queues. A watch's stream stays open after its scripted lines, as
    /// etcd's does, until the provider lets go of it.
    /// </summary>
    private sealed class ScriptedGateway : HttpMessageHandler
    {
        private readonly List<Pipe> _openWatches = [];

        public Queue<string> Ranges { get; } = new();

        public Queue<string> Watches { get; } = new();

        public List<long> WatchStartRevisions { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            switch (request.RequestUri!.AbsolutePath)
            {
                case "/v3/kv/range":
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Ranges.Dequeue()) };
                case "/v3/watch":
                    WatchStartRevisions.Add(body.RootElement.GetProperty("create_request").GetProperty("start_revision").GetInt64());
                    var pipe = new Pipe();
                    _openWatches.Add(pipe);
                    await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Watches.Dequeue()), cancellationToken);
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(pipe.Reader.AsStream()) };
                default:
                    return new HttpResponseMessage(HttpStatusCode.NotFound);
            }
        }

        protected override void Dispose(bool disposing)
        {
            foreach (var pipe in _openWatches)
            {
                pipe.Writer.Complete();
            }

            base.Dispose(disposing);
        }
    }
}
