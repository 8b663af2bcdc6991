using System.CommandLine;
using Xent.Cli;
using Xent.Cli.Commands;

return XentApp.Run(args, Console.Out, Console.Error);
