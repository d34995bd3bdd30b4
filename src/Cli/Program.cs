using McpFleet.Cli;

return await CliApplication.RunAsync(args, CliConsole.FromSystemConsole());
