using System.Collections.Immutable;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;
using McpFleet.Generator.Parsing;

namespace McpFleet.Generator.Policy;

/// <summary>
/// Builds the fleet's conflict policy from the policy file and the MSBuild properties; MSBuild wins for the same key
/// (a tool's rule, the default, the separator), so a build can override a committed file.
/// </summary>
internal static class PolicyReader
{
    public static FleetPolicy Read(ImmutableArray<PolicyFile> files, PolicyProperties properties)
    {
        try
        {
            return ReadDraft(files, properties);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must cost the policy only: the fleet still generates, with replicas unified and nothing else.
            var path = files.Select(file => file.Path).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault() ?? "mcpfleet.json";
            return new FleetPolicy(
                null,
                EquatableArray<PolicyRuleSpec>.Empty,
                EquatableArray<ServerPrioritySpec>.Empty,
                EquatableArray<ReplicaDeclarationSpec>.Empty,
                ModelToolNames.DefaultSeparator,
                EquatableArray<string>.Empty,
                new EquatableArray<DiagnosticInfo>([InternalErrors.Create(path, e)]));
        }
    }

    private static FleetPolicy ReadDraft(ImmutableArray<PolicyFile> files, PolicyProperties properties)
    {
        var draft = new PolicyDraft();

        // The first file in ordinal order of the paths counts, whatever order the build lists them in.
        var ordered = files.OrderBy(file => file.Path, StringComparer.Ordinal).ToList();
        if (ordered.Count > 0)
        {
            PolicyFileParser.Parse(ordered[0], draft);
        }

        foreach (var extra in ordered.Skip(1))
        {
            draft.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidPolicy,
                SourceLocation.StartOf(extra.Path),
                $"'{Path.GetFileName(extra.Path)}'",
                $"the build has more than one policy file and reads only '{ordered[0].Path}'",
                "this file is ignored"));
        }

        MsBuildPolicyParser.Parse(properties, draft);
        return new FleetPolicy(
            draft.Default,
            draft.ToolRules.OrderBy(rule => rule.Key, StringComparer.Ordinal).Select(rule => rule.Value).ToEquatableArray(),
            draft.Priorities.OrderBy(priority => priority.Key, StringComparer.Ordinal).Select(priority => priority.Value).ToEquatableArray(),
            draft.Replicas.OrderBy(replica => replica.Key, StringComparer.Ordinal).Select(replica => replica.Value).ToEquatableArray(),
            Separator(draft),
            draft.Sources.ToEquatableArray(),
            draft.Diagnostics.ToEquatableArray());
    }

    private static string Separator(PolicyDraft draft)
    {
        if (draft.Separator is not { } separator)
        {
            return ModelToolNames.DefaultSeparator;
        }

        if (ModelToolNames.IsValidSeparator(separator.Value))
        {
            return separator.Value;
        }

        draft.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidModelNameSeparator, separator.Location, separator.Value, separator.Origin));
        return ModelToolNames.DefaultSeparator;
    }
}
