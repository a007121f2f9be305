using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Classifier.Data;

/// <summary>Identifies a training set by content, so a cached model can tell whether it is stale.</summary>
public static class DataHash
{
    public static string Of(IEnumerable<LabeledUtterance> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var example in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(example.Label));
            hash.AppendData("\t"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(example.Text));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
