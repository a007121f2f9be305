using System.CommandLine;
using Helpdesk.LoadTest;

// System.CommandLine 2.0.0 leaves Ctrl+C unhandled unless asked; with a timeout it cancels the run,
// which stops the conversations in flight and still prints the report of what was done.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(5) };
return await LoadTestCommand.Create().Parse(args).InvokeAsync(invocation);
