using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the fleet class's unified tools: the nested <c>Groups</c> class with a <c>ToolGroupDescriptor</c> per tool
/// (as server classes have <c>Tools</c>), the unified methods, and the merged arguments records.
/// </summary>
internal static class UnifiedToolEmitter
{
    public static void WriteGroupsClass(SourceWriter writer, FleetClassSpec fleet)
    {
        DocWriter.Summary(writer, "The tools several servers offer, unified: each lists the servers its method routes among, in order of preference.");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine("public static class Groups");
        writer.OpenBlock();
        for (var i = 0; i < fleet.Groups.Count; i++)
        {
            var group = fleet.Groups[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            DocWriter.Summary(writer, $"Tool {DocText.Code(group.WireName)} on {Servers(group.Members.Select(m => m.ServerName))} ({Resolution(group)}).");
            writer.WriteLine($"public static readonly {KnownTypes.ToolGroupDescriptor} {group.Identifier} = new(");
            writer.Indent();
            writer.WriteLine(CSharpLiteral.String(group.WireName) + ",");
            writer.WriteLine("[");
            writer.Indent();
            foreach (var member in group.Members)
            {
                var tool = $"{TypeSyntax.Generated(member.ServerNamespace, member.ServerClassName)}.Tools.{member.ToolIdentifier}";
                var accepted = member.AcceptedArguments is { } names ? $", [{string.Join(", ", names.Select(CSharpLiteral.String))}]" : "";
                var product = member.Product is { } name ? $", Product: {CSharpLiteral.String(name)}" : "";
                writer.WriteLine($"new({tool}{accepted}{product}),");
            }

            writer.Unindent();
            writer.WriteLine("],");
            writer.WriteLine($"{KnownTypes.ToolGroupResolution}.{group.Resolution});");
            writer.Unindent();
        }

        writer.CloseBlock();
    }

    public static void WriteMethods(SourceWriter writer, UnifiedToolSpec group) =>
        ToolMethodEmitter.Write(
            writer,
            group.MethodName,
            group.Arguments,
            group.ArgumentsNamespace,
            ToolMethodEmitter.ResultType(group.ResultKind, group.ResultName, group.ResultNamespace),
            "_runtime.CallToolAsync",
            $"Groups.{group.Identifier}",
            writeParameters =>
            {
                DocWriter.Summary(writer, ToolDocs.Summary(group.Title, group.WireName, group.Hints));
                DocWriter.Remarks(writer, ToolDocs.Remarks(group.Description, $"<para>Unified tool {DocText.Code(group.WireName)}: {Routing(group)}</para>"));
                writeParameters();
                DocWriter.Param(writer, "progress", ToolDocs.Progress);
                DocWriter.Param(writer, "cancellationToken", "Cancels the call, on the server too.");
                DocWriter.Returns(writer, ToolDocs.Returns(group.ResultKind));
                ToolDocs.WriteExceptions(writer, group.ResultKind);
            });

    /// <summary>
    /// The fan-out sibling of a unified method, <c>{Identifier}FanOutAsync</c>: the tool called on every instance of
    /// every member at once, the outcomes aggregated by a strategy whose result type must be the tool's.
    /// </summary>
    public static void WriteFanOutMethod(SourceWriter writer, UnifiedToolSpec group)
    {
        var resultType = ToolMethodEmitter.ResultType(group.ResultKind, group.ResultName, group.ResultNamespace);
        var argumentsType = TypeSyntax.Generated(group.ArgumentsNamespace, group.Arguments.Name);
        var members = Servers(group.Members.Select(m => m.ServerName));
        DocWriter.Summary(writer, ToolDocs.Summary(group.Title, group.WireName, group.Hints));
        DocWriter.Remarks(writer, ToolDocs.Remarks(
            group.Description,
            $"<para>Fan-out of unified tool {DocText.Code(group.WireName)}: every instance of {members} is called at once and the outcomes are aggregated by "
            + "<paramref name=\"strategy\"/>. A server that fails or times out is an outcome of the result, not an exception.</para>"));
        DocWriter.TypeParam(writer, "TValue", "The aggregated value's type.");
        DocWriter.Param(writer, "arguments", "The tool's arguments, sent to every server.");
        DocWriter.Param(writer, "strategy", $"How the outcomes become one value, e.g. from <see cref=\"{KnownTypes.AggregationStrategies}\"/>.");
        DocWriter.Param(writer, "options", "Time limits and the success quorum; by default each server's call timeout.");
        DocWriter.Param(writer, "cancellationToken", "Cancels every call, on the servers too.");
        DocWriter.Returns(writer, "The aggregated value, the servers it came from, and every server's outcome.");
        DocWriter.Exception(writer, KnownTypes.FanOutException, "No result: no server, every server failed, too few succeeded, or the majority or quorum did not agree.");
        DocWriter.Exception(writer, KnownTypes.ValidationException, "The options are invalid.");
        writer.WriteLine($"public {KnownTypes.Task}<{KnownTypes.FanOutResult}<{resultType}, TValue>> {group.Identifier}FanOutAsync<TValue>(");
        writer.Indent();
        writer.WriteLine($"{argumentsType} arguments,");
        writer.WriteLine($"{KnownTypes.AggregationStrategy}<{resultType}, TValue> strategy,");
        writer.WriteLine($"{KnownTypes.FanOutOptions}? options = null,");
        writer.WriteLine($"{KnownTypes.CancellationToken} cancellationToken = default) =>");
        writer.WriteLine($"_runtime.FanOutAsync({KnownTypes.FanOutTargets}.Group(Groups.{group.Identifier}), arguments, strategy, options, cancellationToken);");
        writer.Unindent();
    }

    public static void WriteMergedArguments(SourceWriter writer, UnifiedToolSpec group)
    {
        var summary = $"The merged arguments of tool {DocText.Code(group.WireName)} on {Servers(group.Members.Select(m => m.ServerName))}: "
            + "every parameter of any of them; each server receives only the arguments its schema accepts.";
        RecordEmitter.Write(writer, group.Arguments, summary, group.ArgumentsNamespace);
    }

    /// <summary>
    /// Which servers a call goes to, and why: the line the unified method's docs add to the tool's. It names every
    /// product a rule joined, and whose description the docs show.
    /// </summary>
    private static string Routing(UnifiedToolSpec group)
    {
        var members = Servers(group.Members.Select(m => m.ServerName));
        var order = group.Members.Count == 1 ? "" : " in this order";
        var routing = group.Resolution switch
        {
            GroupResolution.Replicas => $"{members} define it identically (replicas); a call goes to them{order}.",
            GroupResolution.Merge => $"merged from {members} ({DocText.Code(group.Rule ?? "merge")}): a call goes to them{order}, each receiving only the arguments its schema accepts.",
            _ => $"resolved by {DocText.Code(group.Rule ?? "")}: a call goes to {members}{(group.Members.Count == 1 ? "" : " (identical definitions)")}{order}.",
        };
        if (group.JoinedProducts.Count > 0)
        {
            routing += $" The rule joins different products: {string.Join(", ", group.JoinedProducts.Select(DocText.Code))}.";
        }

        if (group.Members.Count > 1)
        {
            routing += $" The description is server {DocText.Code(group.Members[0].ServerName)}'s.";
        }

        if (group.ExcludedServers.Count > 0)
        {
            var one = group.ExcludedServers.Count == 1;
            var excluded = Servers(group.ExcludedServers);
            routing += $" {char.ToUpperInvariant(excluded[0])}{excluded.Substring(1)} {(one ? "defines" : "define")} it differently and {(one ? "is" : "are")} "
                + $"reached only through {(one ? "its own property" : "their own properties")}.";
        }

        if (group.OtherProductServers.Count > 0)
        {
            var one = group.OtherProductServers.Count == 1;
            var others = Servers(group.OtherProductServers);
            routing += $" {char.ToUpperInvariant(others[0])}{others.Substring(1)} also {(one ? "offers" : "offer")} it, as another product, "
                + $"reached only through {(one ? "its own property" : "their own properties")}.";
        }

        return routing;
    }

    private static string Resolution(UnifiedToolSpec group) =>
        group.Resolution == GroupResolution.Replicas ? "replicas" : $"resolved by {DocText.Inline(group.Rule ?? "")}";

    /// <summary><c>server a</c>, <c>servers a and b</c>, <c>servers a, b and c</c>.</summary>
    private static string Servers(IEnumerable<string> names)
    {
        var codes = names.Select(DocText.Code).ToList();
        return codes.Count == 1 ? "server " + codes[0] : "servers " + string.Join(", ", codes.Take(codes.Count - 1)) + " and " + codes[codes.Count - 1];
    }
}
