from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from core.blocks import RICH_TEXT_FEATURES, DocumentLinkBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))  # carries its own alt text
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "media_office/blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "media_office/blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "media"
        template = "media_office/blocks/video_block.html"


class PressReleaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quotation"))
    video = VideoBlock(label=_("Video"))
    # Attachments go through DocumentChooserBlock so Wagtail's reference index knows the
    # release uses them: core/visibility.py keeps them closed while it is under embargo.
    attachment = DocumentLinkBlock(label=_("Attachment"))

    class Meta:
        template = "blocks/stream_block.html"
