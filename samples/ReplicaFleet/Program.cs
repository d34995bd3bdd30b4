using McpFleet;
using McpFleet.Aggregation;
using McpFleet.Configuration;
using McpFleet.SampleServer.Launching;
using ReplicaFleet;
using ReplicaFleet.Replica1;

// Three replicas of the sample server and an "audit" server whose echo is destructive. The build unified echo and
// math_calc into fleet.EchoAsync and fleet.MathCalcAsync; mcpfleet.json resolved the echo conflict in favour of the
// replicas, so the audit server's echo is reachable only as fleet.Audit.EchoAsync. Each unified method has a fan-out
// sibling (fleet.MathCalcFanOutAsync) that calls every replica at once and aggregates their answers.
var options = new FleetOptions();
foreach (var name in new[] { "replica-1", "replica-2", "replica-3" })
{
    var (command, arguments) = SampleServerProcess.StdioCommand(name, "--tools", "echo", "math_calc");
    options.Servers.Add(ServerDefinition.Stdio(name, command, arguments));
}

var (auditCommand, auditArguments) = SampleServerProcess.StdioCommand("audit", "--tools", "echo", "--variant", "echo-destructive");
options.Servers.Add(ServerDefinition.Stdio("audit", auditCommand, auditArguments));

await using var fleet = Fleet.Create(options);

foreach (var group in Fleet.Manifest.ToolGroups)
{
    Console.WriteLine($"unified {group.ToolName} ({group.Resolution}): {string.Join(", ", group.Members.Select(m => m.Tool.ServerName))}");
}

Console.WriteLine($"fleet.EchoAsync(\"hello\")  ->  {(await fleet.EchoAsync("hello")).Text}");
Console.WriteLine($"fleet.MathCalcAsync(\"6 × 7\")  ->  {(await fleet.MathCalcAsync("6 × 7")).Result}");
Console.WriteLine($"fleet.Audit.EchoAsync(\"logged\")  ->  {(await fleet.Audit.EchoAsync("logged")).Text}");

// The fan-out sibling calls every replica at once; a majority of them must agree on the result (once one does, the
// replica still computing is cancelled).
var vote = await fleet.MathCalcFanOutAsync(new MathCalcArguments { Expression = "6 × 7" }, AggregationStrategies.Majority<MathCalcResult>());
Console.WriteLine($"fleet.MathCalcFanOutAsync(\"6 × 7\", majority)  ->  {vote.Value.Result}, agreed by {vote.Contributors.Count} of {vote.Outcomes.Count} replicas");

var report = Path.Combine(AppContext.BaseDirectory, "mcpfleet-conflicts.txt");
if (File.Exists(report))
{
    Console.WriteLine($"The build's conflict report ({report}):");
    Console.WriteLine(File.ReadAllText(report));
}
