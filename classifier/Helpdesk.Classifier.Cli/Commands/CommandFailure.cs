using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Model;

namespace Helpdesk.Classifier.Cli.Commands;

/// <summary>Turns the failures a user can cause into one line on stderr and exit code 1.</summary>
internal static class CommandFailure
{
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is DataFileException or IntentModelFormatException or InvalidDataException
                                      or ArgumentException or IOException or UnauthorizedAccessException
                                      or System.ComponentModel.DataAnnotations.ValidationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
