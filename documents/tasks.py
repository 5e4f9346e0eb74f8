from django_tasks import task


# Its own queue (settings.TASK_QUEUES): a worker busy with a bad PDF never delays the emails.
@task(queue_name="documents")
def extract_document_text_task(document_id):
    """Background task: read the text of one document (OCR for scans) and reindex it."""
    from .extraction import extract_document_text
    from .models import MunicipalDocument

    document = MunicipalDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    return extract_document_text(document).status
