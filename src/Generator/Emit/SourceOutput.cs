using System.Text;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Emit;

/// <summary>The generator's outputs: source files and diagnostics.</summary>
internal static class SourceOutput
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void AddServer(SourceProductionContext context, ServerModel? model)
    {
        if (model is null)
        {
            return;
        }

        try
        {
            context.AddSource(model.Placement.HintName, ServerEmitter.Emit(model));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emitter bug must cost this server only: a generator that throws produces nothing at all (CS8785).
            context.ReportDiagnostic(InternalErrors.Create(model.Server.FilePath, e).ToDiagnostic());
        }
    }

    public static void AddFleet(SourceProductionContext context, FleetClassSpec fleet)
    {
        // Without servers there is nothing to call: no fleet class, rather than an empty one.
        if (fleet.Servers.Count == 0)
        {
            return;
        }

        try
        {
            context.AddSource($"McpFleet.{fleet.TypeName}.g.cs", SourceText.From(FleetEmitter.Emit(fleet), s_utf8));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalErrors.Create(fleet.Servers[0].FilePath, e).ToDiagnostic());
        }
    }

    public static void AddModelNames(SourceProductionContext context, ModelNameTable table)
    {
        // No servers, no fleet class to add the names to.
        if (!table.HasServers)
        {
            return;
        }

        try
        {
            context.AddSource(table.HintName, SourceText.From(ModelNamesEmitter.Emit(table), s_utf8));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalErrors.Create(table.HintName, e).ToDiagnostic());
        }
    }

    public static void AddConflictReport(SourceProductionContext context, (ConflictReportSpec Report, ModelNameTable Names) input)
    {
        if (input.Report.ServerCount == 0)
        {
            return;
        }

        try
        {
            context.AddSource(ConflictReportEmitter.HintName, SourceText.From(ConflictReportEmitter.Emit(input.Report, input.Names), s_utf8));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalErrors.Create(ConflictReportEmitter.HintName, e).ToDiagnostic());
        }
    }

    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
