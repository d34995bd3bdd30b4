using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the fleet class: the manifest of all servers, a property per server, the runtime they share, and a unified
/// method per tool that several servers offer and the conflict resolution unified.
/// </summary>
internal static class FleetEmitter
{
    public static string Emit(FleetClassSpec fleet)
    {
        var writer = new SourceWriter();
        var type = TypeSyntax.Generated(fleet.Namespace, fleet.TypeName);
        GeneratedCode.WriteHeader(writer);
        writer.WriteLine($"namespace {fleet.Namespace}");
        writer.OpenBlock();
        var names = string.Join(", ", fleet.Servers.Select(server => DocText.Code(server.Name)));
        DocWriter.Summary(writer, $"The MCP servers {names} as one typed fleet, generated from their snapshots.");
        DocWriter.Remarks(writer, "<see cref=\"Create\"/> builds the fleet and its runtime; the runtime connects to each server on first use.");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"public sealed partial class {fleet.TypeName} : {KnownTypes.IFleet}<{type}>");
        writer.OpenBlock();

        // The typed methods call through the interface, so that an application can fake the fleet; Runtime offers the
        // real runtime's whole surface (events, statuses, membership, routing).
        writer.WriteLine($"private readonly {KnownTypes.IFleetRuntime} _runtime;");
        writer.WriteLine();

        DocWriter.Summary(writer, "Creates the fleet over a runtime, which the fleet then owns: disposing the fleet disposes the runtime.");
        DocWriter.Param(writer, "runtime", "The runtime: a <see cref=\"" + KnownTypes.FleetRuntime + "\"/> created with <see cref=\"Manifest\"/> (so that it knows the servers' protocol revisions), or a fake in an application's tests.");
        DocWriter.Exception(writer, KnownTypes.ArgumentNullException, "<paramref name=\"runtime\"/> is <see langword=\"null\"/>.");
        writer.WriteLine($"public {fleet.TypeName}({KnownTypes.IFleetRuntime} runtime)");
        writer.OpenBlock();
        writer.WriteLine($"_runtime = runtime ?? throw new {KnownTypes.ArgumentNullException}(nameof(runtime));");
        foreach (var server in fleet.Servers)
        {
            writer.WriteLine($"{server.PropertyName} = new {ServerType(server)}(runtime);");
        }

        writer.CloseBlock();
        writer.WriteLine();

        DocWriter.Summary(writer, "The servers the fleet was generated from (in ordinal order of their names), its unified tools, and every tool's model-facing name.");
        writer.WriteLine($"public static {KnownTypes.FleetManifest} Manifest {{ get; }} = new(");
        writer.WriteLine("[");
        writer.Indent();
        foreach (var server in fleet.Servers)
        {
            writer.WriteLine($"{ServerType(server)}.Descriptor,");
        }

        writer.Unindent();
        writer.WriteLine("],");
        if (fleet.Groups.Count == 0)
        {
            writer.WriteLine("[],");
        }
        else
        {
            writer.WriteLine("[");
            writer.Indent();
            foreach (var group in fleet.Groups)
            {
                writer.WriteLine($"Groups.{group.Identifier},");
            }

            writer.Unindent();
            writer.WriteLine("],");
        }

        // The names of every tool live in a file of their own (ModelNamesEmitter), so adding a tool that no other
        // server offers leaves this file unchanged.
        writer.WriteLine("CreateModelToolNames());");
        writer.WriteLine();

        DocWriter.Summary(writer, "The runtime that connects to the servers and calls their tools: its events, server statuses, membership and routing.");
        DocWriter.Exception(writer, KnownTypes.InvalidOperationException, "The fleet was created over an <see cref=\"" + KnownTypes.IFleetRuntime + "\"/> of the application's own (a fake), which is not a <see cref=\"" + KnownTypes.FleetRuntime + "\"/>.");
        writer.WriteLine($"public {KnownTypes.FleetRuntime} Runtime => _runtime as {KnownTypes.FleetRuntime} ?? throw new {KnownTypes.InvalidOperationException}(\"This fleet was created over a fake IFleetRuntime, which is not a FleetRuntime.\");");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"{KnownTypes.IFleetRuntime} {KnownTypes.IFleet}<{type}>.Runtime => _runtime;");
        foreach (var server in fleet.Servers)
        {
            writer.WriteLine();
            DocWriter.Summary(writer, $"The tools of server {DocText.Code(server.Name)}.");
            writer.WriteLine($"public {ServerType(server)} {server.PropertyName} {{ get; }}");
        }

        writer.WriteLine();
        DocWriter.Summary(writer, "Creates the fleet and its runtime.");
        DocWriter.Param(writer, "options", "The servers and timeouts; every server of the fleet must be configured.");
        DocWriter.Param(writer, "loggerFactory", "Receives the runtime's and the MCP SDK's logs.");
        DocWriter.Returns(writer, "The fleet. Dispose it to end its sessions and server processes.");
        DocWriter.Exception(writer, KnownTypes.ValidationException, "The options are invalid or lack a server of the fleet.");
        writer.WriteLine($"public static {type} Create({KnownTypes.FleetOptions} options, {KnownTypes.ILoggerFactory}? loggerFactory = null) =>");
        writer.Indent();
        writer.WriteLine($"new(new {KnownTypes.FleetRuntime}(options, Manifest, loggerFactory));");
        writer.Unindent();
        writer.WriteLine();

        // Lets generic code, such as dependency injection, create the fleet over a runtime it built.
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"static {type} {KnownTypes.IFleet}<{type}>.Create({KnownTypes.IFleetRuntime} runtime) => new(runtime);");
        writer.WriteLine();

        DocWriter.Summary(writer, "Disposes the runtime: ends every session and server process it started.");
        DocWriter.Returns(writer, "A task that completes when everything has ended.");
        writer.WriteLine($"public {KnownTypes.ValueTask} DisposeAsync() => _runtime.DisposeAsync();");
        if (fleet.Groups.Count > 0)
        {
            writer.WriteLine();
            UnifiedToolEmitter.WriteGroupsClass(writer, fleet);
        }

        foreach (var group in fleet.Groups)
        {
            writer.WriteLine();
            UnifiedToolEmitter.WriteMethods(writer, group);
            writer.WriteLine();
            UnifiedToolEmitter.WriteFanOutMethod(writer, group);
        }

        writer.CloseBlock();
        foreach (var group in fleet.Groups.Where(g => g.Resolution == GroupResolution.Merge))
        {
            writer.WriteLine();
            UnifiedToolEmitter.WriteMergedArguments(writer, group);
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    private static string ServerType(FleetServerSpec server) => TypeSyntax.Generated(server.Namespace, server.ClassName);
}
