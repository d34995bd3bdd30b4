using McpFleet;
using McpFleet.Aggregation;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using ReplicaFleet;
using ReplicaFleet.Replica1;

// Six sample servers, three logical servers:
// - replica-1, replica-2 and replica-3 report one product, "sample": replicas, so echo and math_calc are unified into
//   fleet.EchoAsync and fleet.MathCalcAsync without any rule;
// - time-eu and time-us report their own names, but mcpfleet.json declares time-us a replica of time-eu: one logical
//   server, so get_time is unified into fleet.GetTimeAsync;
// - mirror reports another product, "sample-mirror", with a copy of math_calc. The build cannot tell a mislabelled
//   replica from an impostor, so without a rule it fails (MCPF0116); mcpfleet.json's rule prefers replica-1, so
//   fleet.MathCalcAsync routes among the sample replicas only and the mirror is reached as fleet.Mirror.MathCalcAsync.
var options = new FleetOptions();
foreach (var name in new[] { "replica-1", "replica-2", "replica-3" })
{
    options.Servers.Add(Stdio(name, "--product", "sample", "--tools", "echo", "math_calc"));
}

options.Servers.Add(Stdio("time-eu", "--tools", "get_time"));
options.Servers.Add(Stdio("time-us", "--tools", "get_time"));
options.Servers.Add(Stdio("mirror", "--product", "sample-mirror", "--tools", "math_calc"));

await using var fleet = Fleet.Create(options);

foreach (var group in Fleet.Manifest.ToolGroups)
{
    Console.WriteLine($"unified {group.ToolName} ({group.Resolution}): {string.Join(", ", group.Members.Select(m => $"{m.Tool.ServerName} [{m.Product}]"))}");
}

Console.WriteLine($"fleet.EchoAsync(\"hello\")  ->  {(await fleet.EchoAsync("hello")).Text}");
Console.WriteLine($"fleet.MathCalcAsync(\"6 × 7\")  ->  {(await fleet.MathCalcAsync("6 × 7")).Result}");
Console.WriteLine($"fleet.Mirror.MathCalcAsync(\"6 × 7\")  ->  {(await fleet.Mirror.MathCalcAsync("6 × 7")).Result}");
Console.WriteLine($"fleet.GetTimeAsync(\"UTC\")  ->  {(await fleet.GetTimeAsync("UTC")).Timezone}");

// The fan-out sibling calls every member at once, the mirror not being one; a majority of them must agree on the
// result (once one does, the replica still computing is cancelled).
var vote = await fleet.MathCalcFanOutAsync(new MathCalcArguments { Expression = "6 × 7" }, AggregationStrategies.Majority<MathCalcResult>());
Console.WriteLine($"fleet.MathCalcFanOutAsync(\"6 × 7\", majority)  ->  {vote.Value.Result}, agreed by {vote.Contributors.Count} of {vote.Outcomes.Count} replicas");

var report = Path.Combine(AppContext.BaseDirectory, "mcpfleet-conflicts.txt");
if (File.Exists(report))
{
    Console.WriteLine($"The build's conflict report ({report}):");
    Console.WriteLine(File.ReadAllText(report));
}

static ServerDefinition Stdio(string name, params string[] arguments)
{
    var (command, commandArguments) = SampleServerProcess.StdioCommand(name, arguments);
    return ServerDefinition.Stdio(name, command, commandArguments);
}
