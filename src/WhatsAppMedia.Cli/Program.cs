using WhatsAppMedia.Cli;

return await CliApplication.RunAsync(args, CliEnvironment.FromProcess());
