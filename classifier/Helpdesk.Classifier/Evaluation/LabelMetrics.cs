namespace Helpdesk.Classifier.Evaluation;

public sealed record LabelMetrics(double Precision, double Recall, double F1, int Support);
